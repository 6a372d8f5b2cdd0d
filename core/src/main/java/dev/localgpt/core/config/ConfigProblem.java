package dev.localgpt.core.config;

import java.util.Objects;

/**
 * One problem found in a configuration file.
 *
 * @param file the file name shown to the user, e.g. {@code config.toml}
 * @param line 1-based line, or 0 when unknown
 * @param key the dotted key, or empty when the problem is not about one key (syntax errors)
 * @param problem what is wrong
 * @param fix how to fix it, or empty
 */
public record ConfigProblem(String file, int line, String key, String problem, String fix) {
  public ConfigProblem {
    Objects.requireNonNull(file, "'file' must not be null");
    Objects.requireNonNull(key, "'key' must not be null");
    Objects.requireNonNull(problem, "'problem' must not be null");
    fix = fix == null ? "" : fix;
    if (line < 0) {
      throw new IllegalArgumentException("'line' must be >= 0, was " + line);
    }
  }

  /**
   * One line: {@code config.toml:12: key 'server.port': must be 1..65535, was 0 (use e.g. 31327)}.
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(file);
    if (line > 0) {
      text.append(':').append(line);
    }
    text.append(": ");
    if (!key.isEmpty()) {
      text.append("key '").append(key).append("': ");
    }
    text.append(problem);
    if (!fix.isEmpty()) {
      text.append(" (").append(fix).append(')');
    }
    return text.toString();
  }
}
