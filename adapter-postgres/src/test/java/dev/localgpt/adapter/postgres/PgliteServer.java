package dev.localgpt.adapter.postgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PGlite socket server (PostgreSQL 18 in WASM with pgvector, in memory) run by node on a free
 * loopback port, for tests. Installed by {@code adapter-postgres/fetch-pglite.sh} into {@code
 * ~/.cache/localgpt/pglite}, or wherever {@code -Dlocalgpt.pglite} / {@code LOCALGPT_PGLITE} point.
 * Single-threaded, and every socket shares one backend session (a multiplexer lets a new socket in
 * while a closed pool's last one is still going away): pools on it have one connection and are used
 * one at a time.
 */
public final class PgliteServer implements AutoCloseable {
  private static final String SERVER_JS =
      "node_modules/@electric-sql/pglite-socket/dist/scripts/server.js";

  private final Process process;
  private final int port;

  private PgliteServer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Where PGlite is installed, if it is and node is on the PATH. */
  public static Optional<Path> installation() {
    String configured = System.getProperty("localgpt.pglite", System.getenv("LOCALGPT_PGLITE"));
    Path dir =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of(System.getProperty("user.home"), ".cache", "localgpt", "pglite");
    if (!Files.isRegularFile(dir.resolve(SERVER_JS)) || !onPath("node")) {
      return Optional.empty();
    }
    return Optional.of(dir);
  }

  /** Why tests skip when {@link #installation()} is empty. */
  public static String missingMessage() {
    return "PGlite not installed (or node not on the PATH): run adapter-postgres/fetch-pglite.sh (.ci/run does)"
        + " to run the PostgreSQL tests";
  }

  /** Starts a server and waits until it answers a login. */
  public static PgliteServer start(Path installation) throws IOException, InterruptedException {
    int port = freePort();
    Path log = Files.createTempFile("pglite-", ".log");
    Process process =
        new ProcessBuilder(
                List.of(
                    "node",
                    installation.resolve(SERVER_JS).toString(),
                    "-p",
                    Integer.toString(port),
                    "-h",
                    "127.0.0.1",
                    "-e",
                    "@electric-sql/pglite-pgvector:vector",
                    "-m",
                    "4"))
            .directory(installation.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    PgliteServer server = new PgliteServer(process, port);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      if (!process.isAlive()) {
        throw new IOException(
            "PGlite exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
        c.isValid(1);
        return server;
      } catch (SQLException notYet) {
        if (System.nanoTime() > deadline) {
          server.close();
          throw new IOException(
              "PGlite did not answer on port " + port + " within 60 s: " + Files.readString(log));
        }
        Thread.sleep(200);
      }
    }
  }

  /**
   * The URL. Named server-side prepared statements are off: PGlite keeps one backend session across
   * sockets, so the names a new connection picks ({@code S_1}, ...) would clash with those of a
   * closed one.
   */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?sslmode=disable&prepareThreshold=0";
  }

  /** Options for this server; PGlite serves one connection at a time, so the pool has one. */
  public PostgresOptions options() {
    return new PostgresOptions(jdbcUrl(), "postgres", "", 1);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
