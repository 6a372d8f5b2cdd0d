package dev.localgpt.core.heartbeat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until the test moves it. */
final class ManualClock extends Clock {
  private Instant now;

  ManualClock(Instant start) {
    this.now = start;
  }

  synchronized void set(Instant instant) {
    now = instant;
  }

  synchronized void advance(Duration step) {
    now = now.plus(step);
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("ManualClock is UTC only");
  }
}
