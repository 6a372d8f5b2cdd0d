package dev.localgpt.ports.llm;

import java.util.Objects;

/**
 * A tool call requested by the model.
 *
 * @param id the provider's call id (generated when the provider has none)
 * @param name the tool name
 * @param argumentsJson the arguments as a JSON object text; {@code "{}"} when empty
 */
public record ToolCall(String id, String name, String argumentsJson) {
  public ToolCall {
    Objects.requireNonNull(id, "'id' must not be null");
    Objects.requireNonNull(name, "'name' must not be null");
    argumentsJson = argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson;
  }
}
