package dev.localgpt.ports.llm;

import dev.localgpt.ports.json.JsonObject;
import java.util.Objects;

/**
 * A tool offered to the model.
 *
 * @param name tool name, e.g. {@code memory_search}
 * @param description what it does, for the model
 * @param parametersSchema the JSON Schema of its arguments (an object schema)
 */
public record ToolSpec(String name, String description, JsonObject parametersSchema) {
  public ToolSpec {
    Objects.requireNonNull(name, "'name' must not be null");
    Objects.requireNonNull(description, "'description' must not be null");
    Objects.requireNonNull(parametersSchema, "'parametersSchema' must not be null");
  }
}
