package dev.localgpt.adapter.providers.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.ports.llm.ToolSpec;
import java.io.IOException;
import java.util.List;

/** Pieces of request bodies that several providers render alike. */
public final class RequestJson {
  private RequestJson() {}

  /**
   * Parses a JSON object given as text (a tool schema, a call's arguments).
   *
   * @param what names the text in the message, e.g. {@code parametersSchema of read_file}
   * @throws IllegalArgumentException when the text is not valid JSON or not an object
   */
  public static ObjectNode object(String json, String what) {
    try {
      if (ProviderHttp.JSON.readTree(json) instanceof ObjectNode node) {
        return node;
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("'" + what + "' is not valid JSON: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("'" + what + "' must be a JSON object, was: " + json);
  }

  /**
   * Adds the OpenAI-style {@code tools} array ({@code {"type":"function","function":{name,description,parameters}}}
   * per tool) that OpenAI-compatible servers and Ollama read; nothing when there are no tools.
   */
  public static void functionTools(ObjectNode body, List<ToolSpec> tools) {
    if (tools.isEmpty()) {
      return;
    }
    ArrayNode array = body.putArray("tools");
    for (ToolSpec tool : tools) {
      ObjectNode function = array.addObject().put("type", "function").putObject("function");
      function.put("name", tool.name());
      function.put("description", tool.description());
      function.set("parameters", object(tool.parametersSchema(), "parametersSchema of " + tool.name()));
    }
  }

  /** Adds the stop sequences as an array named {@code field}; nothing when there are none. */
  public static void stopSequences(ObjectNode target, String field, List<String> stops) {
    if (!stops.isEmpty()) {
      ArrayNode array = target.putArray(field);
      stops.forEach(array::add);
    }
  }

  /** The leading system message of OpenAI-style message arrays, when there is a system prompt. */
  public static ArrayNode messagesWithSystem(String system) {
    ArrayNode out = ProviderHttp.JSON.createArrayNode();
    if (!system.isEmpty()) {
      out.addObject().put("role", "system").put("content", system);
    }
    return out;
  }
}
