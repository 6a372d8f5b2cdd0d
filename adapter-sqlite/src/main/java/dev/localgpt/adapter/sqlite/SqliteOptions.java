package dev.localgpt.adapter.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Settings of a {@link SqliteMemoryIndex}.
 *
 * @param sqliteVec the sqlite-vec loadable extension ({@code vec0.so}); empty to use the Java k-NN.
 *     If the file cannot be loaded the index logs a warning and uses the Java k-NN as well.
 * @param busyTimeout how long a write waits for another process's lock before failing with {@code
 *     BUSY}
 * @param readers how many reader connections searches share
 */
public record SqliteOptions(Optional<Path> sqliteVec, Duration busyTimeout, int readers) {
  /**
   * System property naming the sqlite-vec extension file (or the directory holding {@code
   * vec0.so}).
   */
  public static final String VEC_PROPERTY = "localgpt.sqlite.vec";

  /** Environment variable naming the sqlite-vec extension file (or its directory). */
  public static final String VEC_ENV = "LOCALGPT_SQLITE_VEC";

  public SqliteOptions {
    Objects.requireNonNull(sqliteVec, "'sqliteVec' must not be null");
    Objects.requireNonNull(busyTimeout, "'busyTimeout' must not be null");
    if (busyTimeout.isNegative()) {
      throw new IllegalArgumentException("'busyTimeout' must be >= 0, was " + busyTimeout);
    }
    if (readers < 1) {
      throw new IllegalArgumentException("'readers' must be > 0, was " + readers);
    }
  }

  /** sqlite-vec from {@link #findSqliteVec()}, a 5 s busy timeout, two readers. */
  public static SqliteOptions defaults() {
    return new SqliteOptions(findSqliteVec(), Duration.ofSeconds(5), 2);
  }

  /** The defaults without sqlite-vec: vectors are searched by the Java k-NN. */
  public static SqliteOptions javaKnn() {
    return defaults().withSqliteVec(Optional.empty());
  }

  public SqliteOptions withSqliteVec(Optional<Path> extension) {
    return new SqliteOptions(extension, busyTimeout, readers);
  }

  /**
   * Where sqlite-vec is: the system property {@value #VEC_PROPERTY}, else the environment variable
   * {@value #VEC_ENV}, else {@code ~/.localgpt/lib/vec0.so}, else {@code target/sqlite-vec/vec0.so}
   * as placed by {@code adapter-sqlite/fetch-sqlite-vec.sh}; empty when none exists.
   */
  public static Optional<Path> findSqliteVec() {
    Stream<String> configured = Stream.of(System.getProperty(VEC_PROPERTY), System.getenv(VEC_ENV));
    List<Path> fallbacks =
        List.of(
            Path.of(System.getProperty("user.home"), ".localgpt", "lib", "vec0.so"),
            Path.of("target", "sqlite-vec", "vec0.so"),
            Path.of("adapter-sqlite", "target", "sqlite-vec", "vec0.so"));
    return Stream.concat(
            configured
                .filter(s -> s != null && !s.isBlank())
                .map(Path::of)
                .map(p -> Files.isDirectory(p) ? p.resolve("vec0.so") : p),
            fallbacks.stream())
        .filter(Files::isRegularFile)
        .findFirst();
  }
}
