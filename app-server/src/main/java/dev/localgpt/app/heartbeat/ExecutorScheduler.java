package dev.localgpt.app.heartbeat;

import dev.localgpt.ports.schedule.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link Scheduler} on one daemon thread of a {@link ScheduledExecutorService}. Tasks run with a
 * fixed delay between the end of one run and the start of the next; a task that throws is logged
 * and runs again (the executor alone would silently stop it). Tasks read the time from {@link
 * #clock()}.
 */
public final class ExecutorScheduler implements Scheduler {
  private static final System.Logger LOG = System.getLogger(ExecutorScheduler.class.getName());

  private final ScheduledExecutorService executor;
  private final Clock clock;

  public ExecutorScheduler(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "localgpt-scheduler");
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public Cancellable every(Duration interval, Duration initialDelay, Runnable task) {
    Objects.requireNonNull(task, "'task' must not be null");
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("'interval' must be > 0, was " + interval);
    }
    ScheduledFuture<?> future =
        executor.scheduleWithFixedDelay(
            () -> runGuarded(task),
            Math.max(0, initialDelay.toMillis()),
            interval.toMillis(),
            TimeUnit.MILLISECONDS);
    return () -> future.cancel(false);
  }

  private static void runGuarded(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
        throw fatal;
      }
      LOG.log(
          System.Logger.Level.WARNING,
          "scheduled task failed, it runs again at the next tick: " + e,
          e);
    }
  }

  /** Stops every task and waits (up to 5 s) for a run in progress to end. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
