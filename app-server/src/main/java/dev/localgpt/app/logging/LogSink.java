package dev.localgpt.app.logging;

import dev.localgpt.core.workspace.PrivateFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one destination of the apps' log records. Until {@link #configure} names a directory only
 * warnings and errors are shown (on stderr, one line each); after it, records at or above the
 * configured level also go to {@code <dir>/localgpt-YYYY-MM-DD.log} (owner-only, a new file each
 * day, files older than the retention removed). Secrets (API keys, bearer tokens) are masked in
 * everything written. Thread-safe.
 */
public final class LogSink {
  static final String PREFIX = "localgpt-";
  private static final Pattern SECRET =
      Pattern.compile(
          "(?<keep>(?i:\\b(?:api[_-]?key|x-api-key|token|password))\"?\\s*[:=]\\s*\"?)[^\\s\",}]{4,}"
              + "|sk-[A-Za-z0-9_-]{6,}|(?<bearer>(?i:bearer)\\s+)[A-Za-z0-9._~+/=-]{6,}");

  private static Path directory;
  private static System.Logger.Level threshold = System.Logger.Level.WARNING;
  private static Clock clock = Clock.systemDefaultZone();

  private LogSink() {}

  /**
   * Sends records at {@code level} and above to daily files in {@code dir}, removing files older
   * than {@code retentionDays} days (0 keeps them all).
   */
  public static synchronized void configure(Path dir, String level, int retentionDays, Clock time) {
    directory = dir;
    threshold = level(level);
    clock = time;
    if (retentionDays > 0) {
      prune(dir, LocalDate.now(time).minusDays(retentionDays));
    }
  }

  /** The file written today (for tests and {@code daemon status}). */
  public static synchronized Path today() {
    return directory == null ? null : directory.resolve(PREFIX + LocalDate.now(clock) + ".log");
  }

  static synchronized boolean isLoggable(System.Logger.Level level) {
    return level != System.Logger.Level.OFF
        && level.getSeverity()
            >= Math.min(threshold.getSeverity(), System.Logger.Level.WARNING.getSeverity());
  }

  static synchronized void write(
      System.Logger.Level level, String logger, String message, Throwable thrown) {
    String text = mask(message == null ? "" : message);
    if (level.getSeverity() >= System.Logger.Level.WARNING.getSeverity()) {
      System.err.println(
          (level == System.Logger.Level.ERROR ? "error: " : "warning: ")
              + text.strip().lines().findFirst().orElse(""));
    }
    if (directory == null || level.getSeverity() < threshold.getSeverity()) {
      return;
    }
    StringBuilder line =
        new StringBuilder()
            .append(clock.instant())
            .append(' ')
            .append(String.format(Locale.ROOT, "%-5s", name(level)))
            .append(' ')
            .append(logger)
            .append(": ")
            .append(text)
            .append('\n');
    if (thrown != null) {
      StringWriter trace = new StringWriter();
      thrown.printStackTrace(new PrintWriter(trace));
      line.append(mask(trace.toString()));
    }
    append(today(), line.toString());
  }

  private static void append(Path file, String text) {
    try {
      if (!Files.exists(file)) {
        PrivateFiles.writeIfAbsent(file, "");
      }
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException | RuntimeException e) {
      // logging must never break the program; the console still got warnings
    }
  }

  static String mask(String text) {
    return SECRET
        .matcher(text)
        .replaceAll(
            m ->
                Matcher.quoteReplacement(
                    (m.group("keep") != null
                            ? m.group("keep")
                            : m.group("bearer") != null ? m.group("bearer") : "")
                        + "********"));
  }

  private static void prune(Path dir, LocalDate oldestKept) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + "*.log")) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        try {
          LocalDate day =
              LocalDate.parse(name.substring(PREFIX.length(), name.length() - ".log".length()));
          if (day.isBefore(oldestKept)) {
            Files.deleteIfExists(file);
          }
        } catch (DateTimeParseException | StringIndexOutOfBoundsException notOurs) {
          // not a daily log file: leave it
        }
      }
    } catch (IOException e) {
      // pruning is best effort
    }
  }

  private static System.Logger.Level level(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "error" -> System.Logger.Level.ERROR;
      case "warn" -> System.Logger.Level.WARNING;
      case "debug" -> System.Logger.Level.DEBUG;
      case "trace" -> System.Logger.Level.TRACE;
      default -> System.Logger.Level.INFO;
    };
  }

  private static String name(System.Logger.Level level) {
    return level == System.Logger.Level.WARNING ? "WARN" : level.name();
  }

  /** For tests: back to the unconfigured state. */
  static synchronized void reset() {
    directory = null;
    threshold = System.Logger.Level.WARNING;
    clock = Clock.system(ZoneId.systemDefault());
  }
}
