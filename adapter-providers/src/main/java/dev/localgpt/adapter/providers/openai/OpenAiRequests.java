package dev.localgpt.adapter.providers.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.adapter.providers.http.ProviderHttp;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ToolCall;
import dev.localgpt.ports.llm.ToolSpec;
import java.io.IOException;

/** Builds the Chat Completions request body. */
final class OpenAiRequests {
  private OpenAiRequests() {}

  static ObjectNode body(String model, ChatRequest request) {
    ObjectNode body = ProviderHttp.JSON.createObjectNode();
    body.put("model", model);
    body.set("messages", messages(request));
    body.put("stream", true);
    body.putObject("stream_options").put("include_usage", true);
    body.put(usesCompletionTokens(model) ? "max_completion_tokens" : "max_tokens", request.maxTokens());
    if (request.temperature() != null) {
      body.put("temperature", request.temperature());
    }
    if (!request.stopSequences().isEmpty()) {
      ArrayNode stops = body.putArray("stop");
      request.stopSequences().forEach(stops::add);
    }
    if (!request.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      for (ToolSpec tool : request.tools()) {
        ObjectNode function = tools.addObject().put("type", "function").putObject("function");
        function.put("name", tool.name());
        function.put("description", tool.description());
        function.set("parameters", parse(tool.parametersSchema(), "parametersSchema of " + tool.name()));
      }
    }
    return body;
  }

  /** Reasoning models (o-series, gpt-5) reject {@code max_tokens}. */
  static boolean usesCompletionTokens(String model) {
    return model.matches("(?i)^(o\\d.*|gpt-5.*)");
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
            .put("tool_call_id", message.toolCallId())
            .put("content", message.text());
        case ASSISTANT -> {
          ObjectNode m = out.addObject().put("role", "assistant");
          if (message.toolCalls().isEmpty()) {
            m.put("content", message.text());
          } else {
            if (message.text().isEmpty()) {
              m.putNull("content");
            } else {
              m.put("content", message.text());
            }
            ArrayNode calls = m.putArray("tool_calls");
            for (ToolCall call : message.toolCalls()) {
              ObjectNode c = calls.addObject().put("id", call.id()).put("type", "function");
              c.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
            }
          }
        }
      }
    }
    return out;
  }

  private static ObjectNode parse(String json, String what) {
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
