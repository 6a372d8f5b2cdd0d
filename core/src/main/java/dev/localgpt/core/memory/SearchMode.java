package dev.localgpt.core.memory;

/**
 * Which legs a search runs; {@link #KEYWORD} and {@link #VECTOR} exist for benchmarks and
 * debugging.
 */
public enum SearchMode {
  HYBRID,
  KEYWORD,
  VECTOR
}
