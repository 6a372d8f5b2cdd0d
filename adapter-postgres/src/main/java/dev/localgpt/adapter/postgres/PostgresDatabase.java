package dev.localgpt.adapter.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.localgpt.ports.memory.IndexException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * A pooled connection to one PostgreSQL database whose schema is migrated to the latest version on
 * open. Shared by every workspace's index (and any other store) of the process; thread-safe. Close
 * it once, after its users.
 */
public final class PostgresDatabase implements AutoCloseable {
  static final String MIGRATIONS = "classpath:dev/localgpt/adapter/postgres/migration";

  private final HikariDataSource pool;
  private final String url;
  private final int schemaVersion;

  private PostgresDatabase(HikariDataSource pool, String url, int schemaVersion) {
    this.pool = pool;
    this.url = url;
    this.schemaVersion = schemaVersion;
  }

  /**
   * Connects, then runs the pending Flyway migrations (creating the {@code vector} extension needs
   * a role that may, or a database where it exists already).
   *
   * @throws IndexException when the server cannot be reached, refuses the login or the migration
   *     fails
   */
  public static PostgresDatabase open(PostgresOptions options) {
    Objects.requireNonNull(options, "'options' must not be null");
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(options.url());
    config.setUsername(options.user());
    config.setPassword(options.password().isEmpty() ? null : options.password());
    config.setMaximumPoolSize(options.poolSize());
    config.setMinimumIdle(Math.min(2, options.poolSize()));
    config.setPoolName("localgpt-postgres");
    config.setConnectionTimeout(Duration.ofSeconds(15).toMillis());
    config.setInitializationFailTimeout(Duration.ofSeconds(10).toMillis());
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.addDataSourceProperty("ApplicationName", "localgpt");
    int version = migrate(options);
    try {
      return new PostgresDatabase(new HikariDataSource(config), options.url(), version);
    } catch (HikariPool.PoolInitializationException e) {
      throw cannotConnect(options, e);
    }
  }

  /**
   * Runs the pending migrations on one short-lived connection of their own, before the pool exists,
   * so a pool of any size suffices afterwards. Returns the schema version reached.
   */
  private static int migrate(PostgresOptions options) {
    try (MigrationDataSource ds =
        new MigrationDataSource(
            options.url(),
            options.user(),
            options.password().isEmpty() ? null : options.password())) {
      MigrateResult result =
          Flyway.configure()
              .dataSource(ds)
              .locations(MIGRATIONS)
              .table("localgpt_schema_history")
              .connectRetries(0)
              .load()
              .migrate();
      String version =
          result.targetSchemaVersion != null
              ? result.targetSchemaVersion
              : result.initialSchemaVersion;
      return version == null ? 0 : Integer.parseInt(version);
    } catch (FlywayException | SQLException e) {
      if (rootCause(e) instanceof SQLException sql
          && (sql.getSQLState() == null
              || sql.getSQLState().startsWith("08")
              || sql.getSQLState().startsWith("28"))) {
        throw cannotConnect(options, e);
      }
      throw new IndexException(
          IndexException.Kind.FAILED,
          "memory index: migrating the schema of "
              + options.url()
              + " failed: "
              + rootMessage(e)
              + "; the role needs CREATE on the database (and the vector extension"
              + " installed, or the right to create it)",
          e);
    }
  }

  private static IndexException cannotConnect(PostgresOptions options, Exception e) {
    return new IndexException(
        IndexException.Kind.FAILED,
        "memory index: cannot connect to "
            + options.url()
            + " as '"
            + options.user()
            + "': "
            + rootMessage(e)
            + "; check [memory.postgres] url, user and password and that the server runs",
        e);
  }

  /** The Flyway version the schema is at. */
  public int schemaVersion() {
    return schemaVersion;
  }

  /** The JDBC URL, for messages. */
  public String url() {
    return url;
  }

  DataSource dataSource() {
    return pool;
  }

  /**
   * Runs {@code work} in one transaction, committing on success; SQL failures become {@link
   * IndexException}.
   */
  <T> T transaction(String what, SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw SqlErrors.map(what, e);
    }
  }

  /** Runs {@code work} on a pooled connection in auto-commit mode. */
  <T> T read(String what, SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw SqlErrors.map(what, e);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = rootCause(e);
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  @Override
  public void close() {
    pool.close();
  }
}
