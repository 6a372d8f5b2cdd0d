package dev.localgpt.app.daemon;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running daemon says about itself in its pid file.
 *
 * @param pid the daemon's process id
 * @param bind the address its server listens on
 * @param port the port its server listens on; 0 when the server is disabled ({@code server.enabled
 *     = false})
 * @param started when it started
 * @param version the LocalGPT version it runs
 */
public record DaemonInfo(long pid, String bind, int port, Instant started, String version) {
  public DaemonInfo {
    if (pid <= 0) {
      throw new IllegalArgumentException("'pid' must be > 0, was " + pid);
    }
    Objects.requireNonNull(bind, "'bind' must not be null");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("'port' must be 0..65535, was " + port);
    }
    Objects.requireNonNull(started, "'started' must not be null");
    Objects.requireNonNull(version, "'version' must not be null");
  }

  /** Whether the daemon serves HTTP. */
  public boolean serving() {
    return port > 0;
  }

  /**
   * The base URL a client on this machine uses ({@code http://127.0.0.1:PORT} for a wildcard bind).
   */
  public String baseUrl() {
    String host =
        bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]") ? "127.0.0.1" : bind;
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return "http://" + host + ":" + port;
  }

  public Duration uptime(Instant now) {
    Duration d = Duration.between(started, now);
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** The pid file's text: {@code key=value} lines. */
  String toText() {
    Properties p = new Properties();
    p.setProperty("pid", Long.toString(pid));
    p.setProperty("bind", bind);
    p.setProperty("port", Integer.toString(port));
    p.setProperty("started", started.toString());
    p.setProperty("version", version);
    StringWriter out = new StringWriter();
    try {
      p.store(out, "LocalGPT daemon");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Parses a pid file's text; empty when it is damaged or incomplete. */
  static Optional<DaemonInfo> parse(String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
      return Optional.of(
          new DaemonInfo(
              Long.parseLong(p.getProperty("pid", "").strip()),
              p.getProperty("bind", "127.0.0.1").strip(),
              Integer.parseInt(p.getProperty("port", "0").strip()),
              Instant.parse(p.getProperty("started", "").strip()),
              p.getProperty("version", "unknown").strip()));
    } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
