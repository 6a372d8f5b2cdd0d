package dev.localgpt.core.heartbeat;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one heartbeat tick did: {@link Ran}, {@link Skipped}, {@link Failed} or {@link TimedOut}.
 * Never null.
 */
public sealed interface HeartbeatOutcome {

  /** When the tick started. */
  Instant at();

  /**
   * {@code ran}, {@code skipped}, {@code failed} or {@code timed_out}, as the run log writes it.
   */
  String status();

  /**
   * The model ran to the end.
   *
   * @param alert the text to report, empty when the reply meant "nothing to report" ({@code
   *     HEARTBEAT_OK})
   * @param duplicate the same alert was already reported in the last 24 hours, so it is not
   *     reported again
   */
  record Ran(
      Instant at,
      String model,
      long tokens,
      Duration duration,
      String reply,
      Optional<String> alert,
      boolean duplicate)
      implements HeartbeatOutcome {
    public Ran {
      Objects.requireNonNull(at, "'at' must not be null");
      Objects.requireNonNull(model, "'model' must not be null");
      Objects.requireNonNull(duration, "'duration' must not be null");
      reply = reply == null ? "" : reply;
      Objects.requireNonNull(alert, "'alert' must not be null");
    }

    @Override
    public String status() {
      return "ran";
    }
  }

  /** No model was called. */
  record Skipped(Instant at, SkipReason reason, String detail) implements HeartbeatOutcome {
    public Skipped {
      Objects.requireNonNull(at, "'at' must not be null");
      Objects.requireNonNull(reason, "'reason' must not be null");
      detail = detail == null ? "" : detail;
    }

    @Override
    public String status() {
      return "skipped";
    }
  }

  /** The model or a tool failed; the scheduler goes on. */
  record Failed(Instant at, String model, Duration duration, String error)
      implements HeartbeatOutcome {
    public Failed {
      Objects.requireNonNull(at, "'at' must not be null");
      Objects.requireNonNull(model, "'model' must not be null");
      Objects.requireNonNull(duration, "'duration' must not be null");
      error = error == null ? "unknown error" : error;
    }

    @Override
    public String status() {
      return "failed";
    }
  }

  /** The run took longer than the timeout and was cancelled. */
  record TimedOut(Instant at, String model, Duration timeout) implements HeartbeatOutcome {
    public TimedOut {
      Objects.requireNonNull(at, "'at' must not be null");
      Objects.requireNonNull(model, "'model' must not be null");
      Objects.requireNonNull(timeout, "'timeout' must not be null");
    }

    @Override
    public String status() {
      return "timed_out";
    }
  }
}
