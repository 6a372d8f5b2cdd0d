package dev.localgpt.core.llm;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits, giving up early when cancelled; injectable so tests do not sleep. */
@FunctionalInterface
public interface Sleeper {
  /**
   * How often {@link #REAL} looks at the cancel signal: a Ctrl-C ends the wait within this time.
   */
  Duration POLL = Duration.ofMillis(100);

  /** Sleeps on the calling thread, looking at {@code cancelled} every {@link #POLL}. */
  Sleeper REAL =
      (duration, cancelled) -> {
        long end = System.nanoTime() + duration.toNanos();
        while (!cancelled.getAsBoolean()) {
          long left = end - System.nanoTime();
          if (left <= 0) {
            return true;
          }
          Thread.sleep(Math.max(1, Math.min(left, POLL.toNanos()) / 1_000_000));
        }
        return false;
      };

  /**
   * Waits for {@code duration} unless {@code cancelled} turns true first.
   *
   * @return true when the whole time passed, false when cancelled
   * @throws InterruptedException when the thread is interrupted
   */
  boolean sleep(Duration duration, BooleanSupplier cancelled) throws InterruptedException;
}
