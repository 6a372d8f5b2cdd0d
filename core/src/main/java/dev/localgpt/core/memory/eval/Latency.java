package dev.localgpt.core.memory.eval;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The median, 95th and 99th percentile of a timed call, in milliseconds.
 *
 * @param p50Millis median
 * @param p95Millis 95th percentile
 * @param p99Millis 99th percentile
 */
public record Latency(double p50Millis, double p95Millis, double p99Millis) {

  /**
   * Calls {@code call} with 0..n-1 once untimed (up to 20 calls, as warm-up), then times each of
   * the n calls.
   */
  public static Latency measure(int n, IntConsumer call) {
    if (n < 1) {
      throw new IllegalArgumentException("'n' must be > 0, was " + n);
    }
    for (int i = 0; i < Math.min(n, 20); i++) {
      call.accept(i);
    }
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      call.accept(i);
      nanos[i] = System.nanoTime() - t;
    }
    return of(nanos);
  }

  /** The percentiles of measured durations in nanoseconds (sorted in place). */
  public static Latency of(long[] nanos) {
    if (nanos.length == 0) {
      return new Latency(0, 0, 0);
    }
    Arrays.sort(nanos);
    int n = nanos.length;
    return new Latency(
        nanos[n / 2] / 1e6, percentile(nanos, 0.95) / 1e6, percentile(nanos, 0.99) / 1e6);
  }

  private static long percentile(long[] sorted, double p) {
    return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p) - 1))];
  }
}
