package dev.localgpt.cli.daemon;

import dev.localgpt.app.daemon.DaemonInfo;
import dev.localgpt.app.daemon.PidFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

/**
 * What {@code daemon status} shows: whether a daemon runs for the home, and if so its pid, URL,
 * uptime, version and whether {@code /health} answers.
 *
 * @param daemon the running daemon, if any
 * @param stalePidFile whether a pid file names a process that is gone
 * @param healthy whether its {@code /health} answered
 * @param pidFile where the pid file is
 */
public record DaemonStatus(
    Optional<DaemonInfo> daemon, boolean stalePidFile, boolean healthy, String pidFile) {
  public static DaemonStatus of(PidFile pidFile, Predicate<DaemonInfo> health) {
    Optional<DaemonInfo> running = pidFile.running();
    return new DaemonStatus(
        running,
        running.isEmpty() && pidFile.stale(),
        running.map(i -> i.serving() && health.test(i)).orElse(false),
        pidFile.path().toString());
  }

  public boolean running() {
    return daemon.isPresent();
  }

  public void print(PrintWriter out) {
    if (daemon.isEmpty()) {
      out.println("daemon not running" + (stalePidFile ? " (stale pid file " + pidFile + ")" : ""));
      return;
    }
    DaemonInfo d = daemon.get();
    out.println("daemon running");
    out.println("  pid      " + d.pid());
    out.println(
        "  url      "
            + (d.serving()
                ? d.baseUrl() + (healthy ? "" : "  (not answering)")
                : "none (server.enabled = false)"));
    out.println("  uptime   " + human(d.uptime(Instant.now())));
    out.println("  version  " + d.version());
  }

  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("running", daemon.isPresent());
    daemon.ifPresent(
        d -> {
          m.put("pid", d.pid());
          m.put("port", d.port());
          m.put("url", d.serving() ? d.baseUrl() : null);
          m.put("healthy", healthy);
          m.put("uptime_seconds", d.uptime(Instant.now()).toSeconds());
          m.put("started", d.started().toString());
          m.put("version", d.version());
        });
    if (stalePidFile) {
      m.put("stale_pid_file", pidFile);
    }
    return m;
  }

  static String human(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh %02dm %02ds", s / 3600, (s % 3600) / 60, s % 60);
  }

  /** The version the build wrote into the CLI jar. */
  public static String version() {
    Properties properties = new Properties();
    try (InputStream in =
        DaemonStatus.class.getResourceAsStream("/dev/localgpt/cli/version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }
}
