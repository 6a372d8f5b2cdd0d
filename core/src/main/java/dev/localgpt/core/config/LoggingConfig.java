package dev.localgpt.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * {@code [logging]}: level (default {@code info}), file (default {@code <home>/logs/agent.log}),
 * retention in days (0 = keep).
 */
public record LoggingConfig(String level, Path file, int retentionDays) {
  public static final List<String> LEVELS = List.of("error", "warn", "info", "debug", "trace");

  public LoggingConfig {
    if (!LEVELS.contains(level)) {
      throw new IllegalArgumentException(
          "'logging.level' must be one of " + LEVELS + ", was " + level);
    }
    Objects.requireNonNull(file, "'logging.file' must not be null");
    ConfigChecks.atLeast("logging.retention_days", retentionDays, 0);
  }
}
