package dev.localgpt.core.config;

import java.util.Map;
import java.util.Optional;

/**
 * Raw values read from a config file, by dotted key. Values are {@link String}, {@link Long},
 * {@link Double}, {@link Boolean}, {@link java.util.List} (of these or of {@link Map}) or {@link
 * Map} (a table).
 */
public interface ConfigSource {
  /** The name shown in messages, e.g. {@code config.toml}. */
  String fileName();

  /** The value at a dotted key, or empty when the key is absent. */
  Optional<Object> value(String key);

  /** The 1-based line where the key is written, or 0 when unknown or absent. */
  int line(String key);

  /** A source with no values (every default applies). */
  static ConfigSource empty(String fileName) {
    return of(fileName, Map.of());
  }

  /**
   * A source over a flat map of dotted keys, without line numbers (for tests and programmatic use).
   */
  static ConfigSource of(String fileName, Map<String, Object> values) {
    Map<String, Object> copy = Map.copyOf(values);
    return new ConfigSource() {
      @Override
      public String fileName() {
        return fileName;
      }

      @Override
      public Optional<Object> value(String key) {
        return Optional.ofNullable(copy.get(key));
      }

      @Override
      public int line(String key) {
        return 0;
      }
    };
  }
}
