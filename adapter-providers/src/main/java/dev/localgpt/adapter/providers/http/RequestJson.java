package dev.localgpt.adapter.providers.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.adapter.providers.json.JacksonJson;
import dev.localgpt.ports.llm.ToolSpec;
import java.util.List;

/** Pieces of request bodies that several providers render alike. */
public final class RequestJson {
  private RequestJson() {}

  /**
   * Adds the OpenAI-style {@code tools} array ({@code
   * {"type":"function","function":{name,description,parameters}}} per tool) that OpenAI-compatible
   * servers and Ollama read; nothing when there are no tools.
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
      function.set("parameters", JacksonJson.node(tool.parametersSchema()));
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
