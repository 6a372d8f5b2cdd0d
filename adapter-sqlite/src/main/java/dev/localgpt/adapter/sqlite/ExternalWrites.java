package dev.localgpt.adapter.sqlite;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Notices commits made by other connections, i.e. another process (a CLI indexing while the daemon
 * runs): {@code PRAGMA data_version} on the writer connection changes exactly when another
 * connection committed, never for the writer's own commits. A check costs one pragma; it is skipped
 * (reporting nothing) while this process's writer is busy, and made on a later search.
 */
final class ExternalWrites {
  private final Database db;
  private long seen;

  ExternalWrites(Database db) {
    this.db = db;
    this.seen = db.exclusive(() -> version(db.writer()));
  }

  /**
   * Runs {@code onChange} (holding the write lock, so no in-process write or cache load
   * interleaves) when another connection committed since the last check.
   */
  void check(Runnable onChange) {
    db.tryExclusive(
        () -> {
          long now = version(db.writer());
          if (now != seen) {
            seen = now;
            onChange.run();
          }
          return null;
        });
  }

  private static long version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("pragma data_version")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}
