package dev.localgpt.cli.commands;

import dev.localgpt.core.memory.IndexListener;
import dev.localgpt.core.memory.IndexProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Draws indexing progress on stderr, per phase: files while keyword rows are written, then chunks
 * while vectors are embedded, each with its rate and ETA. On a terminal one bar is redrawn in
 * place, otherwise a plain line every 10% of a phase so logs stay readable. Warnings are printed as
 * they come.
 */
final class ProgressBar implements IndexListener {
  private static final int WIDTH = 24;
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private final boolean tty;
  private long lastDraw;
  private int lastDecile = -1;
  private IndexProgress.Phase lastPhase;
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
    boolean last = p.done() >= p.total();
    if (p.phase() != lastPhase) {
      lastPhase = p.phase();
      lastDecile = -1;
    }
    if (tty) {
      long now = System.nanoTime();
      if (!last && now - lastDraw < REDRAW_NANOS) {
        return;
      }
      lastDraw = now;
      err.print("\r" + line(p) + "\u001b[K");
      drawn = true;
    } else {
      int decile = p.total() == 0 ? 10 : (int) ((long) p.done() * 10 / p.total());
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
    double fraction = p.total() == 0 ? 1 : (double) p.done() / p.total();
    int filled = (int) Math.round(fraction * WIDTH);
    String eta = p.eta().map(d -> duration(d.toMillis() / 1000.0)).orElse("?");
    String what =
        p.phase() == IndexProgress.Phase.KEYWORDS
            ? String.format(
                Locale.ROOT, "%d/%d files, %d chunks", p.filesDone(), p.filesTotal(), p.chunks())
            : String.format(
                Locale.ROOT, "embedding %d/%d chunks", p.vectorsDone(), p.vectorsTotal());
    return String.format(
        Locale.ROOT,
        "[%s%s] %3d%% %s, %.1f chunks/s, ETA %s",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        Math.round(fraction * 100),
        what,
        p.chunksPerSecond(),
        eta);
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
        : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
