package dev.localgpt.app.daemon;

import dev.localgpt.adapter.sqlite.SqliteMemoryIndex;
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
 * collection: a burst of searches, an indexing run or the build of the in-memory keyword index
 * grows the heap, and nothing shrinks it again while the daemon idles. Every {@link #CHECK} this
 * asks {@link IdleTrimPolicy} and, when it says so, runs one full collection (40–110 ms for the
 * daemon's heap), then frees the SQLite page caches of every open index ({@link
 * SqliteMemoryIndex#releaseIdleCaches}), which searches and indexing fill. Nothing starts under
 * another collector: an application embedding the library with a large G1 heap should not pay full
 * pauses for a daemon's footprint.
 */
public final class IdleHeapTrim implements AutoCloseable {
  static final Duration CHECK = Duration.ofMillis(250);

  private final ScheduledExecutorService timer;

  private IdleHeapTrim(LongSupplier requests) {
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
              SqliteMemoryIndex.releaseIdleCaches();
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
   */
  public static Optional<IdleHeapTrim> startIfSerial(LongSupplier requests) {
    boolean serial =
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .anyMatch(gc -> gc.getName().equals("MarkSweepCompact"));
    return serial ? Optional.of(new IdleHeapTrim(requests)) : Optional.empty();
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
