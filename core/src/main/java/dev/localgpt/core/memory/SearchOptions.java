package dev.localgpt.core.memory;

import java.util.Optional;

/**
 * How to search memory.
 *
 * @param limit maximum hits, &gt; 0
 * @param silo restrict to one {@code knowledge/<silo>/} folder; empty for the default scope
 * @param minScore drop hits below this fused score
 * @param explain fill {@link MemoryHit#explanation()}
 */
public record SearchOptions(int limit, Optional<String> silo, double minScore, boolean explain) {
  public SearchOptions {
    if (limit <= 0) {
      throw new IllegalArgumentException("'limit' must be > 0, was " + limit);
    }
  }

  public static SearchOptions limit(int limit) {
    return new SearchOptions(limit, Optional.empty(), 0.0, false);
  }

  public SearchOptions withSilo(String silo) {
    return new SearchOptions(limit, Optional.ofNullable(silo), minScore, explain);
  }

  public SearchOptions withExplain(boolean explain) {
    return new SearchOptions(limit, silo, minScore, explain);
  }

  public SearchOptions withMinScore(double minScore) {
    return new SearchOptions(limit, silo, minScore, explain);
  }
}
