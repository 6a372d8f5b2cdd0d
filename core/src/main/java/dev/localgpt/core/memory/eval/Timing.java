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
 * @param processCpuMeanMillis the whole process's CPU time over the timed calls divided by their
 *     number: all threads (onnxruntime's pool, but also the JIT and the GC), in milliseconds (zero
 *     where the JVM cannot tell)
 */
public record Timing(Latency wall, Latency cpu, double processCpuMeanMillis) {
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
    long processStart = processCpuNanos();
    for (int i = 0; i < n; i++) {
      long c = cpuTime ? THREADS.getCurrentThreadCpuTime() : 0;
      long t = System.nanoTime();
      call.accept(i);
      wall[i] = System.nanoTime() - t;
      cpu[i] = cpuTime ? THREADS.getCurrentThreadCpuTime() - c : 0;
    }
    long processEnd = processCpuNanos();
    double processMean =
        processStart < 0 || processEnd < 0 ? 0 : (processEnd - processStart) / 1e6 / n;
    return new Timing(Latency.of(wall), Latency.of(cpu), processMean);
  }

  private static long processCpuNanos() {
    return ProcessHandle.current()
        .info()
        .totalCpuDuration()
        .map(java.time.Duration::toNanos)
        .orElse(-1L);
  }
}
