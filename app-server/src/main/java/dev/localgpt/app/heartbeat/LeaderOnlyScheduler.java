package dev.localgpt.app.heartbeat;

import dev.localgpt.ports.schedule.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A {@link Scheduler} whose tasks run only while {@code leading} says this instance leads (several
 * servers on one PostgreSQL database: the heartbeat fires on one of them, never twice). A tick on a
 * follower does nothing; when the leader stops, the next tick of another instance takes over.
 */
public final class LeaderOnlyScheduler implements Scheduler {
  private final Scheduler delegate;
  private final BooleanSupplier leading;
  private final AutoCloseable onClose;

  public LeaderOnlyScheduler(Scheduler delegate, BooleanSupplier leading, AutoCloseable onClose) {
    this.delegate = Objects.requireNonNull(delegate, "'delegate' must not be null");
    this.leading = Objects.requireNonNull(leading, "'leading' must not be null");
    this.onClose = Objects.requireNonNull(onClose, "'onClose' must not be null");
  }

  @Override
  public Clock clock() {
    return delegate.clock();
  }

  @Override
  public Cancellable every(Duration interval, Duration initialDelay, Runnable task) {
    return delegate.every(
        interval,
        initialDelay,
        () -> {
          if (leading.getAsBoolean()) {
            task.run();
          }
        });
  }

  @Override
  public void close() {
    try {
      delegate.close();
    } finally {
      try {
        onClose.close();
      } catch (Exception e) {
        System.getLogger(LeaderOnlyScheduler.class.getName())
            .log(System.Logger.Level.DEBUG, "releasing leadership failed: " + e.getMessage());
      }
    }
  }
}
