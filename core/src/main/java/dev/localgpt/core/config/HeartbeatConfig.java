package dev.localgpt.core.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code [heartbeat]}: enabled (default true), interval (default {@code 30m}), active hours
 * (default 09:00–22:00; empty = all day), time zone (an IANA id; empty = the machine's zone), the
 * model (empty = the chat's model), the daily token budget (0 = unlimited) and the run timeout
 * (empty = half the interval).
 */
public record HeartbeatConfig(
    boolean enabled,
    Duration interval,
    Optional<ActiveHours> activeHours,
    Optional<ZoneId> timezone,
    Optional<String> model,
    long dailyTokenBudget,
    Optional<Duration> timeout) {
  /** The window used when {@code [heartbeat.active_hours]} is absent. */
  public static final ActiveHours DEFAULT_ACTIVE_HOURS =
      new ActiveHours(LocalTime.of(9, 0), LocalTime.of(22, 0));

  public static final HeartbeatConfig DEFAULTS =
      new HeartbeatConfig(
          true,
          Duration.ofMinutes(30),
          Optional.of(DEFAULT_ACTIVE_HOURS),
          Optional.empty(),
          Optional.empty(),
          0,
          Optional.empty());

  public HeartbeatConfig {
    Objects.requireNonNull(interval, "'heartbeat.interval' must not be null");
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("'heartbeat.interval' must be > 0, was " + interval);
    }
    Objects.requireNonNull(activeHours, "'heartbeat.active_hours' must not be null");
    Objects.requireNonNull(timezone, "'heartbeat.timezone' must not be null");
    Objects.requireNonNull(model, "'heartbeat.model' must not be null");
    if (dailyTokenBudget < 0) {
      throw new IllegalArgumentException(
          "'heartbeat.daily_token_budget' must be >= 0, was " + dailyTokenBudget);
    }
    Objects.requireNonNull(timeout, "'heartbeat.timeout' must not be null");
    timeout.ifPresent(
        t -> {
          if (t.isZero() || t.isNegative()) {
            throw new IllegalArgumentException("'heartbeat.timeout' must be > 0, was " + t);
          }
        });
  }

  /** The configured zone, else {@code fallback}. */
  public ZoneId zoneOr(ZoneId fallback) {
    return timezone.orElse(fallback);
  }

  /** The run timeout: the configured one, else half the interval. */
  public Duration runTimeout() {
    return timeout.orElse(interval.dividedBy(2));
  }

  /** A copy with another {@code enabled}. */
  public HeartbeatConfig withEnabled(boolean on) {
    return new HeartbeatConfig(
        on, interval, activeHours, timezone, model, dailyTokenBudget, timeout);
  }
}
