package dev.localgpt.adapter.providers.ollama;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.adapter.providers.http.ProviderHttp;
import dev.localgpt.adapter.providers.http.RequestJson;
import dev.localgpt.adapter.providers.json.JacksonJson;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ToolCall;

/** Builds the {@code /api/chat} request body. */
final class OllamaRequests {
  private OllamaRequests() {}

  static ObjectNode body(String model, ChatRequest request, int numCtx, boolean withTools) {
    ObjectNode body = ProviderHttp.JSON.createObjectNode();
    body.put("model", model);
    body.set("messages", messages(request));
    body.put("stream", true);
    if (withTools) {
      RequestJson.functionTools(body, request.tools());
    }
    ObjectNode options = body.putObject("options");
    if (numCtx > 0) {
      options.put("num_ctx", numCtx);
    }
    options.put("num_predict", request.maxTokens());
    if (request.temperature() != null) {
      options.put("temperature", request.temperature());
    }
    RequestJson.stopSequences(options, "stop", request.stopSequences());
    return body;
  }

  static ArrayNode messages(ChatRequest request) {
    ArrayNode out = RequestJson.messagesWithSystem(request.system());
    for (ChatMessage message : request.messages()) {
      switch (message.role()) {
        case USER -> out.addObject().put("role", "user").put("content", message.text());
        case TOOL ->
            out.addObject()
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
              function.set("arguments", JacksonJson.node(call.arguments()));
            }
          }
        }
      }
    }
    return out;
  }
}
