package dev.localgpt.adapter.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * When to merge the FTS5 index into one segment ({@code 'optimize'}). Every write transaction
 * leaves a small segment behind and FTS5's automerge keeps several per level, so after a bulk index
 * run a query walks a dozen posting lists per term; one segment makes the keyword leg ~15 %
 * cheaper. Optimize rewrites the whole FTS index, so it runs only when the rows written since the
 * last one reach {@link #MIN_ROWS} <em>and</em> half the table: during a bulk load that is at
 * 1,000, 2,000, 4,000, ... rows, so all the merges together cost at most about two merges of the
 * final table, and small edits never trigger it. Closing the index merges what is left of a bulk
 * run ({@link #MIN_ROWS} rows or more), and so does a pause in the writes ({@link KeywordMerger}).
 * Changed only under the writer's lock.
 */
final class FtsMaintenance {
  /** Rows written (inserted or deleted) since the last optimize before one is considered. */
  static final int MIN_ROWS = 1000;

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

  /** Optimizes when due (see the class comment); returns whether it did. */
  boolean optimizeIfDue(Connection c) throws SQLException {
    if (!pending() || written * 2 < rows(c)) {
      return false;
    }
    optimize(c);
    return true;
  }

  /** Optimizes when {@link #pending()}, whatever the table size (the end of a run). */
  boolean optimizeIfPending(Connection c) throws SQLException {
    if (!pending()) {
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
