package dev.localgpt.server;

import java.util.List;
import java.util.Objects;

/**
 * What one client may send.
 *
 * @param maxBodyBytes the largest request body (413 beyond it)
 * @param maxQueryChars the longest memory search query {@code q} (400 beyond it)
 * @param requestsPerMinute the sustained rate per remote address (429 beyond it); 0 = no limit
 * @param burst requests a client may send at once before the rate applies
 * @param corsOrigins origins allowed besides the localhost ones ({@code
 *     http(s)://localhost|127.0.0.1|[::1][:port]})
 */
public record ServerLimits(
    long maxBodyBytes,
    int maxQueryChars,
    int requestsPerMinute,
    int burst,
    List<String> corsOrigins) {
  /**
   * 10 MB bodies, 1000-char queries, 60 requests a minute with bursts of 10, localhost origins
   * only.
   */
  public static final ServerLimits DEFAULTS =
      new ServerLimits(10L * 1024 * 1024, 1000, 60, 10, List.of());

  public ServerLimits {
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("'maxBodyBytes' must be > 0, was " + maxBodyBytes);
    }
    if (maxQueryChars < 1) {
      throw new IllegalArgumentException("'maxQueryChars' must be > 0, was " + maxQueryChars);
    }
    if (requestsPerMinute < 0) {
      throw new IllegalArgumentException(
          "'requestsPerMinute' must be >= 0 (0 = no limit), was " + requestsPerMinute);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("'burst' must be > 0, was " + burst);
    }
    corsOrigins =
        List.copyOf(Objects.requireNonNull(corsOrigins, "'corsOrigins' must not be null"));
  }

  /** These limits without a rate limit (benchmarks). */
  public ServerLimits withoutRateLimit() {
    return new ServerLimits(maxBodyBytes, maxQueryChars, 0, burst, corsOrigins);
  }

  public ServerLimits withRate(int requestsPerMinute, int burst) {
    return new ServerLimits(maxBodyBytes, maxQueryChars, requestsPerMinute, burst, corsOrigins);
  }

  public ServerLimits withCorsOrigins(List<String> corsOrigins) {
    return new ServerLimits(maxBodyBytes, maxQueryChars, requestsPerMinute, burst, corsOrigins);
  }

  public ServerLimits withMaxBodyBytes(long maxBodyBytes) {
    return new ServerLimits(maxBodyBytes, maxQueryChars, requestsPerMinute, burst, corsOrigins);
  }
}
