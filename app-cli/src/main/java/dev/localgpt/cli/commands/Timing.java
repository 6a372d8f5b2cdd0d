package dev.localgpt.cli.commands;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntConsumer;

/** Times {@code n} calls after a warm-up and prints p50/p95 in milliseconds. */
final class Timing {
  private Timing() {}

  static void report(PrintWriter out, String label, int n, IntConsumer call) {
    for (int i = 0; i < Math.min(n, 20); i++) {
      call.accept(i);
    }
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      call.accept(i);
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    out.printf(Locale.ROOT, "%-34s %9.2f %9.2f%n", label, nanos[n / 2] / 1e6,
        nanos[Math.min(n - 1, (int) Math.ceil(n * 0.95) - 1)] / 1e6);
    out.flush();
  }
}
