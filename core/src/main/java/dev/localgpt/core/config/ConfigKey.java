package dev.localgpt.core.config;

import java.util.Objects;

/**
 * A key LocalGPT understands.
 *
 * @param name dotted name, e.g. {@code server.port}
 * @param type the kind of value
 * @param secret masked by {@code config show}; {@code ${VAR}} expansion applies
 */
public record ConfigKey(String name, ValueType type, boolean secret) {
  public ConfigKey {
    Objects.requireNonNull(name, "'name' must not be null");
    Objects.requireNonNull(type, "'type' must not be null");
  }

  /** The table the key lives in ({@code providers.ollama} for {@code providers.ollama.model}). */
  public String section() {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(0, dot);
  }

  /** The last segment of the name. */
  public String leaf() {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
