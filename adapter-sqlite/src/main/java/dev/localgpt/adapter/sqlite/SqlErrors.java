package dev.localgpt.adapter.sqlite;

import dev.localgpt.ports.memory.IndexException;
import java.sql.SQLException;

/** Maps SQLite failures to {@link IndexException} kinds, once, at the adapter edge. */
final class SqlErrors {
  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;

  private SqlErrors() {}

  static IndexException map(String action, SQLException e) {
    IndexException.Kind kind = kindOf(e);
    String hint =
        switch (kind) {
          case BUSY -> " (another process holds the index lock; retry later)";
          case CORRUPT ->
              " (the index file is damaged; delete it and it is rebuilt from the Markdown)";
          case FAILED -> "";
        };
    return new IndexException(
        kind, "memory index: " + action + " failed: " + e.getMessage() + hint, e);
  }

  static IndexException.Kind kindOf(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        int primary = s.getErrorCode() & 0xff;
        if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
          return IndexException.Kind.BUSY;
        }
        if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
          return IndexException.Kind.CORRUPT;
        }
      }
    }
    return IndexException.Kind.FAILED;
  }

  /** A JDBC action that may throw. */
  @FunctionalInterface
  interface SqlAction<T> {
    T run() throws SQLException;
  }

  static <T> T call(String action, SqlAction<T> body) {
    try {
      return body.run();
    } catch (SQLException e) {
      throw map(action, e);
    }
  }
}
