package dev.localgpt.core.heartbeat;

import dev.localgpt.core.chat.TurnResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One model run on a daemon worker thread, bounded by a timeout. Whatever happens in the run (an
 * exception, an error, a hang) becomes an outcome; only the worker is cancelled and interrupted,
 * never the caller.
 */
final class TimedRun {
  private final HeartbeatAgent agent;
  private final Clock clock;
  private final Duration timeout;

  TimedRun(HeartbeatAgent agent, Clock clock, Duration timeout) {
    this.agent = agent;
    this.clock = clock;
    this.timeout = timeout;
  }

  /**
   * Runs {@code prompt}; a {@link HeartbeatOutcome.Ran} carries the raw reply with no alert decided
   * yet.
   */
  HeartbeatOutcome run(Instant at, String prompt) {
    AtomicBoolean cancelled = new AtomicBoolean();
    FutureTask<TurnResult> task = new FutureTask<>(() -> agent.run(prompt, cancelled::get));
    Thread.ofPlatform().daemon().name("heartbeat-run").start(task);
    try {
      TurnResult result = task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      String model =
          result.model() == null || result.model().isBlank() ? agent.modelName() : result.model();
      long tokens = (long) result.usage().inputTokens() + result.usage().outputTokens();
      return new HeartbeatOutcome.Ran(
          at, model, tokens, elapsed(at), result.text(), Optional.empty(), false);
    } catch (TimeoutException e) {
      cancelled.set(true);
      task.cancel(true);
      return new HeartbeatOutcome.TimedOut(at, agent.modelName(), timeout);
    } catch (ExecutionException e) {
      return new HeartbeatOutcome.Failed(
          at, agent.modelName(), elapsed(at), describe(e.getCause()));
    } catch (InterruptedException e) {
      cancelled.set(true);
      task.cancel(true);
      Thread.currentThread().interrupt();
      return new HeartbeatOutcome.Failed(at, agent.modelName(), elapsed(at), "interrupted");
    }
  }

  private Duration elapsed(Instant at) {
    Duration d = Duration.between(at, clock.instant());
    return d.isNegative() ? Duration.ZERO : d;
  }

  static String describe(Throwable error) {
    String message = error == null ? null : error.getMessage();
    String type = error == null ? "error" : error.getClass().getSimpleName();
    return message == null || message.isBlank()
        ? type
        : message.strip().lines().findFirst().orElse(type);
  }
}
