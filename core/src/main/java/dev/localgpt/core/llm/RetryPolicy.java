package dev.localgpt.core.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RetryingChatModel} retries.
 *
 * @param maxAttempts total attempts including the first, &gt;= 1
 * @param initialBackoff the wait before the first retry (before jitter)
 * @param maxBackoff the cap of the exponential backoff
 * @param maxRetryAfter a server's {@code Retry-After} longer than this is not waited for (the error
 *     is thrown so a fallback can take over)
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
  /** 3 attempts, 1 s doubling up to 20 s, Retry-After up to 60 s. */
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofSeconds(60));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("'maxAttempts' must be >= 1, was " + maxAttempts);
    }
    Objects.requireNonNull(initialBackoff, "'initialBackoff' must not be null");
    Objects.requireNonNull(maxBackoff, "'maxBackoff' must not be null");
    Objects.requireNonNull(maxRetryAfter, "'maxRetryAfter' must not be null");
  }

  /**
   * The wait before retry number {@code retry} (1-based): {@code initial * 2^(retry-1)} capped at
   * max, scaled by a jitter factor in [0.5, 1.0) from {@code random} in [0, 1).
   */
  public Duration backoff(int retry, double random) {
    long base = initialBackoff.toMillis() << Math.min(retry - 1, 30);
    long capped = Math.min(Math.max(base, 0), maxBackoff.toMillis());
    return Duration.ofMillis((long) (capped * (0.5 + random / 2)));
  }
}
