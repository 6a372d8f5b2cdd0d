package dev.localgpt.cli.commands;

import dev.localgpt.core.memory.IndexListener;
import dev.localgpt.core.memory.IndexProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Draws indexing progress on stderr: on a terminal one bar redrawn in place (files, chunks, rate, ETA), otherwise a
 * plain line every 10% so logs stay readable. Warnings are printed as they come.
 */
final class ProgressBar implements IndexListener {
  private static final int WIDTH = 24;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final boolean tty;
  private long lastDraw;
  private int lastDecile = -1;
  private boolean drawn;

  ProgressBar(PrintWriter err, boolean tty) {
    this.err = err;
    this.tty = tty;
  }

  /** Whether stderr looks like an interactive terminal. */
  static boolean isTerminal(java.util.Map<String, String> env) {
    return System.console() != null && !"dumb".equals(env.get("TERM"));
  }

  @Override
  public void onProgress(IndexProgress p) {
    boolean last = p.filesDone() >= p.filesTotal();
    if (tty) {
      long now = System.nanoTime();
      if (!last && now - lastDraw < REDRAW_NANOS) {
        return;
      }
      lastDraw = now;
      err.print("\r" + line(p) + "\u001b[K");
      drawn = true;
    } else {
      int decile = p.filesTotal() == 0 ? 10 : p.filesDone() * 10 / p.filesTotal();
      if (decile == lastDecile) {
        return;
      }
      lastDecile = decile;
      err.println(line(p));
    }
    err.flush();
  }

  @Override
  public void onWarning(String warning) {
    clear();
    err.println("warning: " + warning);
    err.flush();
  }

  /** Ends the bar's line so the summary starts on a fresh one. */
  void finish() {
    clear();
  }

  private void clear() {
    if (tty && drawn) {
      err.print("\r\u001b[K");
      drawn = false;
    }
  }

  static String line(IndexProgress p) {
    double fraction = p.filesTotal() == 0 ? 1 : (double) p.filesDone() / p.filesTotal();
    int filled = (int) Math.round(fraction * WIDTH);
    double rate = p.filesPerSecond();
    String eta = rate <= 0 || fraction >= 1 ? "0s" : duration((p.filesTotal() - p.filesDone()) / rate);
    return String.format(Locale.ROOT, "[%s%s] %3d%% %d/%d files, %d chunks, %.1f chunks/s, ETA %s",
        "#".repeat(filled), "-".repeat(WIDTH - filled), Math.round(fraction * 100), p.filesDone(), p.filesTotal(),
        p.chunks(), p.chunksPerSecond(), eta);
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
        : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
