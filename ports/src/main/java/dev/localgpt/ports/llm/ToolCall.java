package dev.localgpt.ports.llm;

import dev.localgpt.ports.json.JsonObject;
import java.util.Objects;

/**
 * A tool call requested by the model.
 *
 * @param id the provider's call id (generated when the provider has none)
 * @param name the tool name
 * @param arguments the arguments, parsed by the adapter; empty when there are none or they were
 *     malformed
 * @param malformedArguments the text the model sent when it was not a JSON object (the agent
 *     answers the call with an error so the model can retry); null when the arguments are well
 *     formed
 */
public record ToolCall(String id, String name, JsonObject arguments, String malformedArguments) {
  public ToolCall {
    Objects.requireNonNull(id, "'id' must not be null");
    Objects.requireNonNull(name, "'name' must not be null");
    arguments = arguments == null ? JsonObject.EMPTY : arguments;
    if (malformedArguments != null && !arguments.isEmpty()) {
      throw new IllegalArgumentException(
          "a call with 'malformedArguments' has no parsed 'arguments'");
    }
  }

  /** A well-formed call. */
  public ToolCall(String id, String name, JsonObject arguments) {
    this(id, name, arguments, null);
  }

  /** A call whose argument text was not a JSON object. */
  public static ToolCall malformed(String id, String name, String text) {
    return new ToolCall(
        id, name, JsonObject.EMPTY, Objects.requireNonNull(text, "'text' must not be null"));
  }

  public boolean wellFormed() {
    return malformedArguments == null;
  }

  /**
   * The arguments as text: compact JSON, or the malformed text as the model sent it. For display
   * and estimates.
   */
  public String argumentsJson() {
    return wellFormed() ? arguments.toString() : malformedArguments;
  }
}
