package dev.localgpt.adapter.providers.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.adapter.providers.http.ProviderHttp;
import dev.localgpt.adapter.providers.http.RequestJson;
import dev.localgpt.adapter.providers.json.JacksonJson;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ToolCall;

/** Builds the Chat Completions request body. */
final class OpenAiRequests {
  private OpenAiRequests() {}

  static ObjectNode body(String model, ChatRequest request) {
    ObjectNode body = ProviderHttp.JSON.createObjectNode();
    body.put("model", model);
    body.set("messages", messages(request));
    body.put("stream", true);
    body.putObject("stream_options").put("include_usage", true);
    body.put(
        usesCompletionTokens(model) ? "max_completion_tokens" : "max_tokens", request.maxTokens());
    if (request.temperature() != null) {
      body.put("temperature", request.temperature());
    }
    RequestJson.stopSequences(body, "stop", request.stopSequences());
    RequestJson.functionTools(body, request.tools());
    return body;
  }

  /** Reasoning models (o-series, gpt-5) reject {@code max_tokens}. */
  static boolean usesCompletionTokens(String model) {
    return model.matches("(?i)^(o\\d.*|gpt-5.*)");
  }

  static ArrayNode messages(ChatRequest request) {
    ArrayNode out = RequestJson.messagesWithSystem(request.system());
    for (ChatMessage message : request.messages()) {
      switch (message.role()) {
        case USER -> out.addObject().put("role", "user").put("content", message.text());
        case TOOL ->
            out.addObject()
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
              c.putObject("function")
                  .put("name", call.name())
                  .put(
                      "arguments",
                      call.wellFormed()
                          ? JacksonJson.write(call.arguments())
                          : call.malformedArguments());
            }
          }
        }
      }
    }
    return out;
  }
}
