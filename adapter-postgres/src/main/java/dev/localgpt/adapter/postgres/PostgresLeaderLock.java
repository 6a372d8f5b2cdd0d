package dev.localgpt.adapter.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Leadership among the server instances that share one database, for work that must run on one of
 * them only (the heartbeat): a PostgreSQL session-level advisory lock held on a dedicated
 * connection (not a pooled one, since the lock belongs to the session). The instance whose {@link
 * #tryLead()} returned true keeps leading until it closes or its connection drops; the server then
 * releases the lock and another instance's next {@link #tryLead()} wins. Thread-safe.
 */
public final class PostgresLeaderLock implements AutoCloseable {
  private final PostgresOptions options;
  private final String name;
  private Connection connection;
  private boolean leading;

  /**
   * @param name what is led, e.g. {@code heartbeat:alice}; instances lead the same thing when names
   *     are equal
   */
  public PostgresLeaderLock(PostgresOptions options, String name) {
    this.options = Objects.requireNonNull(options, "'options' must not be null");
    this.name = Objects.requireNonNull(name, "'name' must not be null");
  }

  /**
   * Whether this instance leads now: true while it holds the lock, else one attempt to take it.
   * Never blocks on another holder; a database that cannot be reached means "not leading" (the work
   * is skipped, not run twice).
   */
  public synchronized boolean tryLead() {
    try {
      if (connection == null || !connection.isValid(5)) {
        closeConnection();
        connection =
            DriverManager.getConnection(
                options.url(),
                options.user(),
                options.password().isEmpty() ? null : options.password());
        leading = false;
      }
      if (!leading) {
        try (PreparedStatement p =
            connection.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
          p.setString(1, "localgpt:leader:" + name);
          try (ResultSet rs = p.executeQuery()) {
            leading = rs.next() && rs.getBoolean(1);
          }
        }
      }
      return leading;
    } catch (SQLException e) {
      System.getLogger(PostgresLeaderLock.class.getName())
          .log(
              System.Logger.Level.WARNING,
              "leader lock '" + name + "' unavailable, not leading: " + e.getMessage());
      closeConnection();
      return false;
    }
  }

  private void closeConnection() {
    leading = false;
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // The lock goes with the session either way.
      }
      connection = null;
    }
  }

  /** Gives up leadership (closing the session releases the lock). */
  @Override
  public synchronized void close() {
    closeConnection();
  }
}
