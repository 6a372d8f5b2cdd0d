package dev.localgpt.adapter.providers.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localgpt.adapter.providers.json.JacksonJson;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.llm.ToolCall;

/**
 * Builds tool calls from the arguments a provider sent: a JSON object becomes the call's arguments,
 * blank or absent arguments are {@code {}}, and anything else (cut or invalid JSON, an array) makes
 * a {@linkplain ToolCall#malformed malformed} call that the agent answers with an error the model
 * can act on, instead of failing the whole turn.
 */
public final class ToolCalls {
  private ToolCalls() {}

  /** A call whose arguments arrived as JSON text (streamed pieces, joined). */
  public static ToolCall of(String id, String name, String arguments) {
    return JacksonJson.parseObject(arguments)
        .map(parsed -> new ToolCall(id, name, parsed))
        .orElseGet(() -> ToolCall.malformed(id, name, arguments));
  }

  /**
   * A call whose arguments arrived as a JSON tree: an object, a string holding JSON text, or
   * absent.
   */
  public static ToolCall of(String id, String name, JsonNode arguments) {
    if (arguments.isObject()) {
      return new ToolCall(id, name, JacksonJson.object(arguments));
    }
    if (arguments.isMissingNode() || arguments.isNull()) {
      return new ToolCall(id, name, JsonObject.EMPTY);
    }
    return of(id, name, arguments.isTextual() ? arguments.asText() : arguments.toString());
  }
}
