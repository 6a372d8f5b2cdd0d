package dev.localgpt.adapter.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * When to merge the FTS5 index into one segment ({@code 'optimize'}). Every statement that writes
 * chunk rows leaves its own FTS5 segment (the triggers' statement savepoint flushes), and automerge
 * keeps a dozen or more of them per table, so a query walks a dozen posting lists per term: one
 * segment makes the keyword leg 15-50 % cheaper (docs/benchmarks.md). Optimize rewrites the whole
 * FTS index (~5 µs CPU per row), so during a run it is due only when the rows written since the
 * last one reach {@link #MIN_ROWS} <em>and</em> half the table: a bulk load merges at 1,000, 2,000,
 * 4,000, ... rows, all merges together costing about two merges of the final table. What a run
 * leaves ({@link #IDLE_MIN_ROWS} rows or more) is merged when the writes pause or the index closes
 * ({@link KeywordMerger}); a few note edits are left to automerge. Changed only under the writer's
 * lock.
 */
final class FtsMaintenance {
  /** Rows written (inserted or deleted) since the last optimize before one is considered. */
  static final int MIN_ROWS = 1000;

  /**
   * Rows written since the last optimize for a pause or the close to merge them: fewer are a few
   * note edits, which automerge keeps in a handful of segments.
   */
  static final int IDLE_MIN_ROWS = 100;

  private volatile long written;

  /** {@link #MIN_ROWS}, lowered by tests and raised by benchmarks. */
  int minRows = MIN_ROWS;

  /** Counts {@code rows} keyword rows written by a committed transaction. */
  void wrote(int rows) {
    written += rows;
  }

  /** Whether enough was written for {@link #optimizeIfDue} to look at the table size. */
  boolean pending() {
    return written >= minRows;
  }

  /** Whether a pause in the writes or the close should merge ({@link #optimizeIfPending}). */
  boolean idlePending() {
    return written >= Math.min(minRows, IDLE_MIN_ROWS);
  }

  /** Optimizes when due (see the class comment); returns whether it did. */
  boolean optimizeIfDue(Connection c) throws SQLException {
    if (!pending() || written * 2 < rows(c)) {
      return false;
    }
    optimize(c);
    return true;
  }

  /** Optimizes when {@link #idlePending()}, whatever the table size (the end of a run). */
  boolean optimizeIfPending(Connection c) throws SQLException {
    if (!idlePending()) {
      return false;
    }
    optimize(c);
    return true;
  }

  /** Merges into one segment now. */
  void optimize(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("insert into chunks_fts(chunks_fts) values ('optimize')");
    }
    written = 0;
  }

  private static long rows(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from chunks")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}
