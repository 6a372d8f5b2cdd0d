package dev.localgpt.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code perMinute} a
 * minute. Thread-safe; buckets that are full again are dropped when the map grows, so idle clients
 * cost nothing.
 */
final class RateLimiter {
  private static final long NANOS_PER_MINUTE = 60_000_000_000L;
  private static final int PRUNE_ABOVE = 10_000;

  private final double perNano;
  private final int burst;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  RateLimiter(int perMinute, int burst, LongSupplier nanoTime) {
    this.perNano = (double) perMinute / NANOS_PER_MINUTE;
    this.burst = burst;
    this.nanoTime = nanoTime;
  }

  /**
   * Takes one token for {@code client}: 0 when allowed, else the whole seconds to wait before
   * retrying.
   */
  long acquire(String client) {
    long now = nanoTime.getAsLong();
    if (buckets.size() > PRUNE_ABOVE) {
      buckets.values().removeIf(b -> b.fullAt(now));
    }
    Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
    return bucket.take(now);
  }

  private final class Bucket {
    private double tokens;
    private long updated;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updated = now;
    }

    synchronized long take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      double nanos = (1 - tokens) / perNano;
      return Math.max(1, (long) Math.ceil(nanos / 1_000_000_000d));
    }

    synchronized boolean fullAt(long now) {
      refill(now);
      return tokens >= burst;
    }

    private void refill(long now) {
      tokens = Math.min(burst, tokens + (now - updated) * perNano);
      updated = now;
    }
  }
}
