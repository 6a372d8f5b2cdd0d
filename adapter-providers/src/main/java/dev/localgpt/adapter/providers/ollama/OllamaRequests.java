package dev.localgpt.adapter.providers.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.adapter.providers.http.ProviderHttp;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ToolCall;
import dev.localgpt.ports.llm.ToolSpec;
import java.io.IOException;

/** Builds the {@code /api/chat} request body. */
final class OllamaRequests {
  private OllamaRequests() {}

  static ObjectNode body(String model, ChatRequest request, int numCtx, boolean withTools) {
    ObjectNode body = ProviderHttp.JSON.createObjectNode();
    body.put("model", model);
    body.set("messages", messages(request));
    body.put("stream", true);
    if (withTools && !request.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      for (ToolSpec tool : request.tools()) {
        ObjectNode function = tools.addObject().put("type", "function").putObject("function");
        function.put("name", tool.name());
        function.put("description", tool.description());
        function.set("parameters", object(tool.parametersSchema(), "parametersSchema of " + tool.name()));
      }
    }
    ObjectNode options = body.putObject("options");
    if (numCtx > 0) {
      options.put("num_ctx", numCtx);
    }
    options.put("num_predict", request.maxTokens());
    if (request.temperature() != null) {
      options.put("temperature", request.temperature());
    }
    if (!request.stopSequences().isEmpty()) {
      ArrayNode stops = options.putArray("stop");
      request.stopSequences().forEach(stops::add);
    }
    return body;
  }

  static ArrayNode messages(ChatRequest request) {
    ArrayNode out = ProviderHttp.JSON.createArrayNode();
    if (!request.system().isEmpty()) {
      out.addObject().put("role", "system").put("content", request.system());
    }
    for (ChatMessage message : request.messages()) {
      switch (message.role()) {
        case USER -> out.addObject().put("role", "user").put("content", message.text());
        case TOOL -> out.addObject()
            .put("role", "tool")
            .put("content", message.text())
            .put("tool_name", message.toolName())
            .put("tool_call_id", message.toolCallId());
        case ASSISTANT -> {
          ObjectNode m = out.addObject().put("role", "assistant").put("content", message.text());
          if (!message.toolCalls().isEmpty()) {
            ArrayNode calls = m.putArray("tool_calls");
            for (ToolCall call : message.toolCalls()) {
              ObjectNode function = calls.addObject().putObject("function");
              function.put("name", call.name());
              function.set("arguments", object(call.argumentsJson(), "arguments of " + call.id()));
            }
          }
        }
      }
    }
    return out;
  }

  private static JsonNode object(String json, String what) {
    try {
      if (ProviderHttp.JSON.readTree(json) instanceof ObjectNode node) {
        return node;
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("'" + what + "' is not valid JSON: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("'" + what + "' must be a JSON object, was: " + json);
  }
}
