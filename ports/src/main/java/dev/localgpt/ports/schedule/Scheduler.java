package dev.localgpt.ports.schedule;

import java.time.Clock;
import java.time.Duration;

/**
 * Runs tasks periodically. Time is read from {@link #clock()}, never from the system directly, so
 * tests can use a manual clock. Thread-safe; tasks run on the scheduler's own thread(s), one run of
 * a task at a time.
 */
public interface Scheduler extends AutoCloseable {

  /** A scheduled task that can be cancelled. */
  interface Cancellable {
    /** Stops future runs; a run in progress finishes. */
    void cancel();
  }

  /** The clock tasks should read "now" from. */
  Clock clock();

  /**
   * Runs {@code task} after {@code initialDelay} and then every {@code interval}. A task that
   * throws is logged and runs again at the next tick.
   *
   * @throws IllegalArgumentException when {@code interval} is not positive
   */
  Cancellable every(Duration interval, Duration initialDelay, Runnable task);

  /** Stops every task; does not throw. */
  @Override
  void close();
}
