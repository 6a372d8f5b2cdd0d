package dev.localgpt.core.heartbeat;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the run log ({@code logs/heartbeat.jsonl}), flat so that the app can write and read
 * it with its JSON library.
 *
 * @param time when the tick started
 * @param status {@code ran}, {@code skipped}, {@code failed} or {@code timed_out}
 * @param reason why: {@code ok}, {@code alert}, {@code duplicate-alert}, a {@link
 *     SkipReason#code()}, an error message
 * @param model the model that ran, empty when none did
 * @param tokens input plus output tokens
 * @param durationMs how long the run took
 * @param preview at most {@link #PREVIEW_CHARS} characters of the reply or the alert
 */
public record HeartbeatLogEntry(
    Instant time,
    String status,
    String reason,
    String model,
    long tokens,
    long durationMs,
    String preview) {
  public static final int PREVIEW_CHARS = 200;

  public HeartbeatLogEntry {
    Objects.requireNonNull(time, "'time' must not be null");
    Objects.requireNonNull(status, "'status' must not be null");
    reason = reason == null ? "" : reason;
    model = model == null ? "" : model;
    preview = preview(preview == null ? "" : preview);
  }

  /** The log line for {@code outcome}. */
  public static HeartbeatLogEntry of(HeartbeatOutcome outcome) {
    return switch (outcome) {
      case HeartbeatOutcome.Ran r ->
          new HeartbeatLogEntry(
              r.at(),
              r.status(),
              r.alert().isEmpty() ? "ok" : r.duplicate() ? "duplicate-alert" : "alert",
              r.model(),
              r.tokens(),
              r.duration().toMillis(),
              r.alert().orElse(r.reply()));
      case HeartbeatOutcome.Skipped s ->
          new HeartbeatLogEntry(s.at(), s.status(), s.reason().code(), "", 0, 0, s.detail());
      case HeartbeatOutcome.Failed f ->
          new HeartbeatLogEntry(
              f.at(), f.status(), f.error(), f.model(), 0, f.duration().toMillis(), "");
      case HeartbeatOutcome.TimedOut t ->
          new HeartbeatLogEntry(
              t.at(),
              t.status(),
              "no reply within " + t.timeout().toSeconds() + "s",
              t.model(),
              0,
              t.timeout().toMillis(),
              "");
    };
  }

  /** Whether this line records an alert that was reported. */
  public boolean alert() {
    return "alert".equals(reason);
  }

  public Duration duration() {
    return Duration.ofMillis(durationMs);
  }

  static String preview(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= PREVIEW_CHARS
        ? oneLine
        : oneLine.substring(0, PREVIEW_CHARS - 1) + "…";
  }
}
