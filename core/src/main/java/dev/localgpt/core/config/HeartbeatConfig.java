package dev.localgpt.core.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code [heartbeat]}: enabled (default true), interval (default {@code 30m}), optional active hours, optional time
 * zone (an IANA id; empty = the machine's zone).
 */
public record HeartbeatConfig(
    boolean enabled, Duration interval, Optional<ActiveHours> activeHours, Optional<ZoneId> timezone) {
  public static final HeartbeatConfig DEFAULTS =
      new HeartbeatConfig(true, Duration.ofMinutes(30), Optional.empty(), Optional.empty());

  public HeartbeatConfig {
    Objects.requireNonNull(interval, "'heartbeat.interval' must not be null");
    if (interval.isZero() || interval.isNegative()) {
      throw new IllegalArgumentException("'heartbeat.interval' must be > 0, was " + interval);
    }
    Objects.requireNonNull(activeHours, "'heartbeat.active_hours' must not be null");
    Objects.requireNonNull(timezone, "'heartbeat.timezone' must not be null");
  }

  /** The configured zone, else {@code fallback}. */
  public ZoneId zoneOr(ZoneId fallback) {
    return timezone.orElse(fallback);
  }
}
