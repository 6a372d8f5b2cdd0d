package dev.localgpt.core.memory.eval;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.IntConsumer;

/**
 * Wall-clock and CPU percentiles of one timed call. On a shared machine the wall time includes
 * waiting for a core; the calling thread's CPU time does not, so it is the steadier figure of
 * single-threaded work (work handed to other threads, such as onnxruntime's pool, is not in it).
 *
 * @param wall wall-clock percentiles
 * @param cpu the calling thread's CPU time percentiles (zero where the JVM cannot measure it)
 */
public record Timing(Latency wall, Latency cpu) {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * Calls {@code call} with 0..n-1 once untimed (up to 20 calls, as warm-up), then times each of
   * the n calls.
   */
  public static Timing measure(int n, IntConsumer call) {
    if (n < 1) {
      throw new IllegalArgumentException("'n' must be > 0, was " + n);
    }
    for (int i = 0; i < Math.min(n, 20); i++) {
      call.accept(i);
    }
    boolean cpuTime = THREADS.isCurrentThreadCpuTimeSupported();
    long[] wall = new long[n];
    long[] cpu = new long[n];
    for (int i = 0; i < n; i++) {
      long c = cpuTime ? THREADS.getCurrentThreadCpuTime() : 0;
      long t = System.nanoTime();
      call.accept(i);
      wall[i] = System.nanoTime() - t;
      cpu[i] = cpuTime ? THREADS.getCurrentThreadCpuTime() - c : 0;
    }
    return new Timing(Latency.of(wall), Latency.of(cpu));
  }
}
