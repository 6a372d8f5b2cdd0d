package dev.localgpt.core.heartbeat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code heartbeat status} shows.
 *
 * @param enabled {@code heartbeat.enabled}
 * @param interval the interval
 * @param activeHours the window as {@code HH:MM–HH:MM zone}, or {@code all day}
 * @param model {@code heartbeat.model}, or the chat's model
 * @param nextDue when the daemon's next tick is due (empty: at its next start)
 * @param lastRun when the last scheduled tick happened
 * @param recent the last entries of the run log, oldest first
 * @param lastAlert the last alert reported in the last 24 hours
 * @param tokensToday tokens spent today
 * @param budgetLeft tokens left of today's budget, empty when unlimited
 */
public record HeartbeatStatus(
    boolean enabled,
    Duration interval,
    String activeHours,
    String model,
    Optional<Instant> nextDue,
    Optional<Instant> lastRun,
    List<HeartbeatLogEntry> recent,
    Optional<HeartbeatState.SentAlert> lastAlert,
    long tokensToday,
    Optional<Long> budgetLeft) {
  public HeartbeatStatus {
    Objects.requireNonNull(interval, "'interval' must not be null");
    Objects.requireNonNull(nextDue, "'nextDue' must not be null");
    Objects.requireNonNull(lastRun, "'lastRun' must not be null");
    recent = List.copyOf(recent);
    Objects.requireNonNull(lastAlert, "'lastAlert' must not be null");
    Objects.requireNonNull(budgetLeft, "'budgetLeft' must not be null");
  }
}
