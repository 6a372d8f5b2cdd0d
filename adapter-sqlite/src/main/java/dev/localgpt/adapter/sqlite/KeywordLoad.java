package dev.localgpt.adapter.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BooleanSupplier;

/**
 * Reads every chunk of one snapshot of the {@code chunks} table into a fresh {@link KeywordIndex}.
 */
final class KeywordLoad {
  private KeywordLoad() {}

  /** The index, or null when it was refused or cancelled, and what happened. */
  record Result(KeywordIndex index, String description) {}

  /**
   * Loads through {@code c} (outside any transaction: one statement, one snapshot), unless the heap
   * looks short: about half a byte per character of text is needed, and no more than half the free
   * heap is taken ({@code assumedFreeHeap} when not negative, else the JVM's).
   */
  static Result run(Connection c, long assumedFreeHeap, BooleanSupplier cancelled)
      throws SQLException {
    long t0 = System.nanoTime();
    long chars;
    int chunks;
    try (PreparedStatement p =
            c.prepareStatement("select count(*), coalesce(sum(length(text)), 0) from chunks");
        ResultSet rs = p.executeQuery()) {
      rs.next();
      chunks = rs.getInt(1);
      chars = rs.getLong(2);
    }
    Runtime rt = Runtime.getRuntime();
    long free =
        assumedFreeHeap >= 0
            ? assumedFreeHeap
            : rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    long need = chunks * 64L + chars / 2;
    if (need > free / 2) {
      return new Result(
          null, "not built: needs ~" + need / 1_000_000 + " MB, " + free / 1_000_000 + " MB free");
    }
    KeywordIndex fresh = new KeywordIndex();
    PorterTokenizer tokenizer = new PorterTokenizer();
    try (PreparedStatement p =
            c.prepareStatement("select id, source, text from chunks order by id");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        if (cancelled.getAsBoolean()) {
          return new Result(null, "build cancelled");
        }
        fresh.add(rs.getLong(1), rs.getString(2), rs.getString(3), tokenizer);
      }
    }
    fresh.trim();
    // The scan filled this connection's page cache with every chunk's text (native memory, up to
    // cache_size): give it back.
    try (Statement s = c.createStatement()) {
      s.execute("pragma shrink_memory");
    }
    return new Result(
        fresh,
        String.format(
            "%d chunks, %d terms, ~%.1f MB, built in %d ms",
            fresh.size(),
            fresh.terms.size(),
            fresh.heapBytes() / 1e6,
            (System.nanoTime() - t0) / 1_000_000));
  }
}
