package dev.localgpt.core.heartbeat;

import dev.localgpt.core.config.ActiveHours;
import dev.localgpt.core.config.HeartbeatConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The pure rules: whether a tick may call a model, and when the next tick is due. Wall-clock rules
 * (active hours, the budget's day) are read in the heartbeat's zone, so a DST switch moves nothing
 * but the UTC offset: the window still opens at 09:00 local time and the interval is elapsed time.
 */
public final class HeartbeatPolicy {
  private final HeartbeatConfig config;
  private final ZoneId zone;

  public HeartbeatPolicy(HeartbeatConfig config, ZoneId zone) {
    this.config = Objects.requireNonNull(config, "'config' must not be null");
    this.zone = Objects.requireNonNull(zone, "'zone' must not be null");
  }

  public ZoneId zone() {
    return zone;
  }

  public HeartbeatConfig config() {
    return config;
  }

  /**
   * Why a tick at {@code now} must not call a model, or empty when it may. A manual run ({@code
   * manual}) ignores the active hours but never {@code enabled = false}.
   *
   * @param heartbeatFile the text of HEARTBEAT.md, empty when it does not exist
   */
  public Optional<HeartbeatOutcome.Skipped> gate(
      Instant now, boolean manual, HeartbeatState state, Optional<String> heartbeatFile) {
    if (!config.enabled()) {
      return skip(now, SkipReason.DISABLED, "set heartbeat.enabled = true to run heartbeats");
    }
    if (!manual && !inActiveHours(now)) {
      ActiveHours hours = config.activeHours().orElseThrow();
      return skip(
          now,
          SkipReason.QUIET_HOURS,
          "active "
              + ActiveHours.formatTime(hours.start())
              + "–"
              + ActiveHours.formatTime(hours.end())
              + " "
              + zone.getId());
    }
    if (heartbeatFile.isEmpty()) {
      return skip(now, SkipReason.NO_FILE, "");
    }
    if (HeartbeatFile.effectivelyEmpty(heartbeatFile.get())) {
      return skip(now, SkipReason.EMPTY_FILE, "");
    }
    long budget = config.dailyTokenBudget();
    LocalDate today = day(now);
    if (budget > 0 && state.tokensOn(today) >= budget) {
      return skip(
          now,
          SkipReason.BUDGET_SPENT,
          "used " + state.tokensOn(today) + " of " + budget + " tokens on " + today);
    }
    return Optional.empty();
  }

  /** Tokens left today, or empty when there is no budget. */
  public Optional<Long> budgetLeft(Instant now, HeartbeatState state) {
    long budget = config.dailyTokenBudget();
    return budget == 0
        ? Optional.empty()
        : Optional.of(Math.max(0, budget - state.tokensOn(day(now))));
  }

  /** The day of {@code now} in the heartbeat's zone (the budget's day). */
  public LocalDate day(Instant now) {
    return now.atZone(zone).toLocalDate();
  }

  public boolean inActiveHours(Instant now) {
    return config.activeHours().map(h -> h.contains(now.atZone(zone).toLocalTime())).orElse(true);
  }

  /**
   * When the tick after one at {@code now} is due: one interval later, or, when that falls outside
   * the active hours, the next time the window opens.
   */
  public Instant nextDue(Instant now) {
    Instant next = now.plus(config.interval());
    return inActiveHours(next) ? next : windowOpensAfter(next);
  }

  /**
   * The first opening of the active-hours window after {@code instant} (local start time on that
   * day or the next).
   */
  Instant windowOpensAfter(Instant instant) {
    ActiveHours hours = config.activeHours().orElseThrow();
    LocalDate date = instant.atZone(zone).toLocalDate();
    for (int days = 0; days < 3; days++) {
      Instant opens = ZonedDateTime.of(date.plusDays(days), hours.start(), zone).toInstant();
      if (opens.isAfter(instant)) {
        return opens;
      }
    }
    throw new IllegalStateException("no window opening after " + instant);
  }

  private static Optional<HeartbeatOutcome.Skipped> skip(
      Instant now, SkipReason reason, String detail) {
    return Optional.of(new HeartbeatOutcome.Skipped(now, reason, detail));
  }
}
