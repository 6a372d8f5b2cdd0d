package dev.localgpt.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.localgpt.app.daemon.DaemonInfo;
import dev.localgpt.app.daemon.PidFile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A stand-in daemon for the AOT training run: a loopback HTTP server in the training JVM, named by
 * the scratch home's pid file, answering {@code /health}, {@code /api/memory/search} and {@code
 * /api/chat/stream} with the shapes the real server sends. Commands that go through a daemon then
 * load their classes (the HTTP client, the JSON reader, the shortcut) during training, so those
 * classes are in the cache too.
 */
final class AotFakeDaemon implements AutoCloseable {
  private static final String SEARCH =
      "{\"query\":\"hello\",\"results\":[{\"file\":\"memory/2026-01-01.md\",\"line_start\":1,"
          + "\"line_end\":2,\"content\":\"hello\",\"score\":0.5,\"source\":\"memory\"}]}";
  private static final String STREAM =
      "data: {\"type\":\"session\",\"session_id\":\"s1\"}\n\n"
          + "data: {\"type\":\"content\",\"delta\":\"hello\"}\n\n"
          + "data: {\"type\":\"done\"}\n\ndata: [DONE]\n\n";

  private final HttpServer server;
  private final PidFile pidFile;

  private AotFakeDaemon(HttpServer server, PidFile pidFile) {
    this.server = server;
    this.pidFile = pidFile;
  }

  /** Starts the stand-in and writes {@code home}'s pid file naming it. */
  static AotFakeDaemon start(Path home) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/health", ex -> reply(ex, "text/plain", "OK"));
    server.createContext("/api/memory/search", ex -> reply(ex, "application/json", SEARCH));
    server.createContext("/api/chat/stream", ex -> reply(ex, "text/event-stream", STREAM));
    server.start();
    PidFile pidFile = PidFile.in(home);
    pidFile.write(
        new DaemonInfo(
            ProcessHandle.current().pid(),
            "127.0.0.1",
            server.getAddress().getPort(),
            Instant.now(),
            "aot-training"));
    return new AotFakeDaemon(server, pidFile);
  }

  private static void reply(HttpExchange exchange, String type, String body) throws IOException {
    exchange.getRequestBody().readAllBytes();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    pidFile.deleteIfOwnedBy(ProcessHandle.current().pid());
    server.stop(0);
  }
}
