package dev.localgpt.app.daemon;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Gives the daemon's Java heap back to the OS once it goes quiet after work that grew it. The
 * daemon runs the serial collector ({@link DaemonJvm}), which shrinks the heap only in a full
 * collection: a burst of searches or an indexing run grows the heap, and nothing shrinks it again
 * while the daemon idles. Every {@link #CHECK} this asks {@link IdleTrimPolicy} and, when it says
 * so, runs one full collection (~40 ms for the daemon's heap) that shrinks the heap to the free
 * ratios of {@link DaemonJvm}, then {@code afterTrim} (e.g. the index's page caches). Nothing
 * starts under another collector: an application embedding the library with a large G1 heap should
 * not pay full pauses for a daemon's footprint.
 */
public final class IdleHeapTrim implements AutoCloseable {
  static final Duration CHECK = Duration.ofMillis(250);

  private final ScheduledExecutorService timer;

  private IdleHeapTrim(LongSupplier requests, Runnable afterTrim) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "idle-heap-trim");
              t.setDaemon(true);
              return t;
            });
    IdleTrimPolicy policy = new IdleTrimPolicy();
    List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            if (policy.shouldTrim(
                collections(collectors), requests.getAsLong(), System.nanoTime())) {
              System.gc();
              afterTrim.run();
              policy.trimmed(collections(collectors), requests.getAsLong(), System.nanoTime());
            }
          } catch (RuntimeException e) {
            // a failed release (e.g. an index closing under it) must not end the checks
          }
        },
        CHECK.toMillis(),
        CHECK.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /**
   * Starts trimming under the serial collector; empty under any other.
   *
   * @param requests how many requests the daemon has received so far (its server's count)
   * @param afterTrim what else to give back after the collection
   */
  public static Optional<IdleHeapTrim> startIfSerial(LongSupplier requests, Runnable afterTrim) {
    boolean serial =
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .anyMatch(gc -> gc.getName().equals("MarkSweepCompact"));
    return serial ? Optional.of(new IdleHeapTrim(requests, afterTrim)) : Optional.empty();
  }

  private static long collections(List<GarbageCollectorMXBean> collectors) {
    long sum = 0;
    for (GarbageCollectorMXBean gc : collectors) {
      sum += Math.max(0, gc.getCollectionCount());
    }
    return sum;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
