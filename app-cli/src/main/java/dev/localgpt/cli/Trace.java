package dev.localgpt.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Start-up phase timestamps on stderr, for finding where a command's time goes: set {@value
 * #VARIABLE}=1 and each {@link #mark} prints the time since the JVM started, the time since the
 * previous mark and the process's CPU time so far. Without the variable a mark costs one field
 * read.
 */
public final class Trace {
  /** The environment variable that turns the marks on. */
  public static final String VARIABLE = "LOCALGPT_TRACE";

  private static final boolean ON = enabled(System.getenv(VARIABLE));
  private static long previousMillis = -1;

  private Trace() {}

  static boolean enabled(String value) {
    return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
  }

  /** Prints a mark named {@code phase} when tracing is on. */
  public static void mark(String phase) {
    if (ON) {
      print(System.err, phase);
    }
  }

  private static synchronized void print(PrintStream err, String phase) {
    ProcessHandle.Info info = ProcessHandle.current().info();
    long now = System.currentTimeMillis();
    long uptime = info.startInstant().map(s -> now - s.toEpochMilli()).orElse(-1L);
    long cpu = info.totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    long step = previousMillis < 0 ? uptime : now - previousMillis;
    previousMillis = now;
    err.println(
        String.format(
            Locale.ROOT,
            "[trace] %6.3f s  +%5.3f s  cpu %5.3f s  %s  (%s)",
            uptime / 1000.0,
            step / 1000.0,
            cpu / 1000.0,
            phase,
            Thread.currentThread().getName()));
    err.flush();
  }
}
