package dev.localgpt.app.daemon;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
  static final Duration CHECK = Duration.ofMillis(500);

  private final ScheduledExecutorService timer;

  private IdleHeapTrim(Runnable afterTrim) {
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
            if (policy.shouldTrim(collections(collectors), System.nanoTime())) {
              System.gc();
              afterTrim.run();
              policy.trimmed(collections(collectors), System.nanoTime());
            }
          } catch (RuntimeException e) {
            // a failed release (e.g. an index closing under it) must not end the checks
          }
        },
        CHECK.toMillis(),
        CHECK.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Starts trimming under the serial collector; empty under any other. */
  public static Optional<IdleHeapTrim> startIfSerial(Runnable afterTrim) {
    boolean serial =
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .anyMatch(gc -> gc.getName().equals("MarkSweepCompact"));
    return serial ? Optional.of(new IdleHeapTrim(afterTrim)) : Optional.empty();
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
