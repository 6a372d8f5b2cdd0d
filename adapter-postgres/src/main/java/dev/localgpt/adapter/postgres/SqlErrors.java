package dev.localgpt.adapter.postgres;

import dev.localgpt.ports.memory.IndexException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Maps SQL failures to {@link IndexException} once, at the adapter edge. */
final class SqlErrors {
  private SqlErrors() {}

  static IndexException map(String what, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    IndexException.Kind kind;
    String hint;
    if (e instanceof SQLTransientConnectionException) {
      kind = IndexException.Kind.BUSY;
      hint = "; every pooled connection is busy, raise [memory.postgres] pool_size or retry";
    } else if (state.startsWith("40") || state.equals("55P03") || state.equals("53300")) {
      kind =
          IndexException.Kind
              .BUSY; // serialization failure, deadlock, lock not available, too many connections
      hint = "; retry";
    } else if (state.startsWith("08")) {
      kind = IndexException.Kind.FAILED;
      hint = "; the PostgreSQL server cannot be reached, check that it runs";
    } else if (state.startsWith("XX")) {
      kind = IndexException.Kind.CORRUPT;
      hint = "; the database reports internal damage";
    } else {
      kind = IndexException.Kind.FAILED;
      hint = "";
    }
    return new IndexException(
        kind, "memory index: " + what + " failed: " + e.getMessage() + hint, e);
  }
}
