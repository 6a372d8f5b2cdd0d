package dev.localgpt.adapter.sqlite;

import dev.localgpt.adapter.sqlite.SqlErrors.SqlAction;
import dev.localgpt.ports.memory.IndexException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/**
 * The connections to one database file: a single writer (guarded by a lock, immediate transactions)
 * and a small pool of readers. WAL lets readers run while the writer commits. sqlite-vec is loaded
 * into every connection when available.
 */
final class Database implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Database.class.getName());

  /** Every open database of this process, for {@link #releaseAllCaches()}. */
  private static final Set<Database> OPEN = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final int busyTimeoutMillis;
  private final Path vecExtension;
  private final Connection writer;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final BlockingQueue<Connection> readers;
  private final List<Connection> allReaders = new ArrayList<>();
  private volatile boolean closed;

  private Database(Path file, int busyTimeoutMillis, Path vecExtension, int readerCount)
      throws SQLException {
    this.file = file;
    this.busyTimeoutMillis = busyTimeoutMillis;
    Connection w = connect(vecExtension != null);
    Path loaded = vecExtension;
    try {
      Schema.migrate(w);
      if (vecExtension != null && !loadVec(w, vecExtension)) {
        loaded = null;
      }
    } catch (SQLException | RuntimeException e) {
      w.close();
      throw e;
    }
    this.writer = w;
    this.vecExtension = loaded;
    this.readers = new ArrayBlockingQueue<>(readerCount);
    try {
      for (int i = 0; i < readerCount; i++) {
        Connection r = connect(loaded != null);
        allReaders.add(r);
        if (loaded != null) {
          loadVec(r, loaded);
        }
        readers.add(r);
      }
    } catch (SQLException | RuntimeException e) {
      close();
      throw e;
    }
    OPEN.add(this);
  }

  /** {@link #releaseCaches()} of every open database in this process. */
  static void releaseAllCaches() {
    OPEN.forEach(Database::releaseCaches);
  }

  /**
   * Frees the page caches of the connections nobody is using right now: up to {@code cache_size}
   * each, filled by searches and emptied by nothing else. Each refills from the file on demand.
   */
  void releaseCaches() {
    List<Connection> idle = new ArrayList<>();
    readers.drainTo(idle);
    try {
      idle.forEach(Database::shrinkQuietly);
    } finally {
      readers.addAll(idle);
    }
    if (writeLock.tryLock()) {
      try {
        if (!closed) {
          shrinkQuietly(writer);
        }
      } finally {
        writeLock.unlock();
      }
    }
  }

  private static void shrinkQuietly(Connection c) {
    try (Statement s = c.createStatement()) {
      s.execute("pragma shrink_memory");
    } catch (SQLException e) {
      // closed under us: nothing to free
    }
  }

  static Database open(Path file, int busyTimeoutMillis, Path vecExtension, int readerCount) {
    return SqlErrors.call(
        "open " + file, () -> new Database(file, busyTimeoutMillis, vecExtension, readerCount));
  }

  private Connection connect(boolean extensions) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.setBusyTimeout(busyTimeoutMillis);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    config.setCacheSize(-16_000);
    // No memory-mapped reads: every page a search or the vector load touched stayed mapped and
    // counted in the process's RSS (136 MB of a 10,000-chunk index in a daemon at idle); through
    // the page cache (cache_size above, per connection) the keyword leg costs the same CPU.
    config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, "0");
    if (extensions) {
      config.enableLoadExtension(true);
    }
    Connection c =
        DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    try (Statement s = c.createStatement()) {
      // Touch the file so that a corrupt or non-SQLite file fails here (SQLITE_NOTADB), not later.
      s.execute("select count(*) from sqlite_master");
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  private static boolean loadVec(Connection c, Path extension) {
    try (PreparedStatement p = c.prepareStatement("select load_extension(?)")) {
      p.setString(1, extension.toAbsolutePath().toString());
      p.execute();
      return true;
    } catch (SQLException e) {
      LOG.log(
          Level.WARNING,
          "sqlite-vec not loaded from "
              + extension
              + " ("
              + e.getMessage()
              + "); using the Java k-NN");
      return false;
    }
  }

  boolean vecLoaded() {
    return vecExtension != null;
  }

  Path file() {
    return file;
  }

  /** Runs {@code body} in one write transaction; rolls back on any failure. */
  <T> T write(String action, SqlAction<T> body) {
    return write(action, body, result -> {});
  }

  /**
   * Runs {@code body} in one write transaction (rolled back on any failure), then {@code
   * afterCommit} with its result while still holding the write lock, so in-memory mirrors see
   * committed changes in commit order.
   */
  <T> T write(String action, SqlAction<T> body, Consumer<T> afterCommit) {
    writeLock.lock();
    try {
      ensureOpen();
      T committed =
          SqlErrors.call(
              action,
              () -> {
                // Explicit statements instead of setAutoCommit: a BEGIN that fails with SQLITE_BUSY
                // must leave the
                // connection as it was, and IMMEDIATE takes the write lock up front (no deadlock on
                // lock upgrade).
                execute("begin immediate");
                try {
                  T result = body.run();
                  execute("commit");
                  return result;
                } catch (SQLException | RuntimeException | Error e) {
                  rollbackQuietly(e);
                  throw e;
                }
              });
      afterCommit.accept(committed);
      return committed;
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Runs {@code body} while holding the write lock but outside a transaction (e.g. bulk loads that
   * must not race).
   */
  <T> T exclusive(SqlAction<T> body) {
    writeLock.lock();
    try {
      ensureOpen();
      return body.run();
    } catch (SQLException e) {
      throw SqlErrors.map("read", e);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Runs {@code body} like {@link #exclusive} if the write lock is free right now; empty (without
   * running it) while another thread holds it.
   */
  <T> java.util.Optional<T> tryExclusive(SqlAction<T> body) {
    if (!writeLock.tryLock()) {
      return java.util.Optional.empty();
    }
    try {
      ensureOpen();
      return java.util.Optional.ofNullable(body.run());
    } catch (SQLException e) {
      throw SqlErrors.map("read", e);
    } finally {
      writeLock.unlock();
    }
  }

  Connection writer() {
    return writer;
  }

  /** A JDBC body that uses a given connection. */
  @FunctionalInterface
  interface ConnectionBody<T> {
    T run(Connection c) throws SQLException;
  }

  /** Borrows a reader connection for {@code body}. */
  <T> T read(String action, ConnectionBody<T> body) {
    ensureOpen();
    Connection c;
    try {
      c = readers.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndexException(
          IndexException.Kind.FAILED, "memory index: interrupted while " + action, e);
    }
    try {
      return SqlErrors.call(action, () -> body.run(c));
    } finally {
      readers.add(c);
    }
  }

  static boolean tableExists(Connection c, String name) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement("select count(*) from sqlite_master where name = ?")) {
      p.setString(1, name);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() && rs.getInt(1) > 0;
      }
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement s = writer.createStatement()) {
      s.execute(sql);
    }
  }

  private void rollbackQuietly(Throwable cause) {
    try {
      execute("rollback");
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IndexException(IndexException.Kind.FAILED, "memory index is closed", null);
    }
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      OPEN.remove(this);
      List<SQLException> failures = new ArrayList<>();
      for (Connection c : allReaders) {
        closeQuietly(c, failures);
      }
      if (writer != null) {
        closeQuietly(writer, failures);
      }
      if (!failures.isEmpty()) {
        throw SqlErrors.map("close", failures.getFirst());
      }
    } finally {
      writeLock.unlock();
    }
  }

  private static void closeQuietly(Connection c, List<SQLException> failures) {
    try {
      c.close();
    } catch (SQLException e) {
      failures.add(e);
    }
  }
}
