package dev.localgpt.ports.schedule;

import java.time.Duration;

/**
 * Runs tasks periodically. Time is read from a {@link java.time.Clock}, never from the system directly, so tests can
 * use a manual clock.
 */
public interface Scheduler extends AutoCloseable {

  /** A scheduled task that can be cancelled. */
  interface Cancellable {
    void cancel();
  }

  /**
   * Runs {@code task} after {@code initialDelay} and then every {@code interval}. A task that throws is logged and
   * runs again at the next tick.
   */
  Cancellable every(Duration interval, Duration initialDelay, Runnable task);

  @Override
  void close();
}
