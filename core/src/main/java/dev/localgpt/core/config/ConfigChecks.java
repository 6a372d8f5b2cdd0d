package dev.localgpt.core.config;

/** Argument checks for the compact constructors of the config records; messages name the key. */
final class ConfigChecks {
  private ConfigChecks() {}

  static void positive(String key, long value) {
    atLeast(key, value, 1);
  }

  static void atLeast(String key, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException("'" + key + "' must be >= " + min + ", was " + value);
    }
  }

  static void between(String key, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException(
          "'" + key + "' must be between " + min + " and " + max + ", was " + value);
    }
  }

  static String notBlank(String key, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("'" + key + "' must not be empty");
    }
    return value;
  }
}
