package dev.localgpt.adapter.providers.anthropic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.adapter.providers.http.ProviderHttp;
import dev.localgpt.adapter.providers.http.RequestJson;
import dev.localgpt.adapter.providers.json.JacksonJson;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.Role;
import dev.localgpt.ports.llm.ToolCall;
import dev.localgpt.ports.llm.ToolSpec;

/** Builds the Messages API request body. */
final class AnthropicRequests {
  private AnthropicRequests() {}

  static ObjectNode body(String model, ChatRequest request) {
    ObjectNode body = ProviderHttp.JSON.createObjectNode();
    body.put("model", model);
    body.put("max_tokens", request.maxTokens());
    body.put("stream", true);
    if (!request.system().isEmpty()) {
      body.put("system", request.system());
    }
    if (request.temperature() != null) {
      body.put("temperature", request.temperature());
    }
    RequestJson.stopSequences(body, "stop_sequences", request.stopSequences());
    if (!request.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      for (ToolSpec tool : request.tools()) {
        ObjectNode t = tools.addObject();
        t.put("name", tool.name());
        t.put("description", tool.description());
        t.set("input_schema", JacksonJson.node(tool.parametersSchema()));
      }
    }
    body.set("messages", messages(request));
    return body;
  }

  /**
   * Conversation → messages. Tool results become {@code tool_result} blocks of a user message;
   * consecutive user blocks (several results, then maybe the user's text) merge into one message so
   * roles alternate.
   */
  static ArrayNode messages(ChatRequest request) {
    ArrayNode out = ProviderHttp.JSON.createArrayNode();
    String lastRole = null;
    ArrayNode lastContent = null;
    for (ChatMessage message : request.messages()) {
      String role = message.role() == Role.ASSISTANT ? "assistant" : "user";
      ArrayNode blocks = ProviderHttp.JSON.createArrayNode();
      switch (message.role()) {
        case USER -> textBlock(blocks, message.text());
        case TOOL -> {
          ObjectNode result = blocks.addObject();
          result.put("type", "tool_result");
          result.put("tool_use_id", message.toolCallId());
          result.put("content", message.text());
        }
        case ASSISTANT -> {
          textBlock(blocks, message.text());
          for (ToolCall call : message.toolCalls()) {
            ObjectNode use = blocks.addObject();
            use.put("type", "tool_use");
            use.put("id", call.id());
            use.put("name", call.name());
            use.set("input", JacksonJson.node(call.arguments())); // {} for malformed arguments
          }
        }
      }
      if (blocks.isEmpty()) {
        continue;
      }
      if (role.equals(lastRole)) {
        lastContent.addAll(blocks);
      } else {
        ObjectNode m = out.addObject();
        m.put("role", role);
        m.set("content", blocks);
        lastRole = role;
        lastContent = blocks;
      }
    }
    return out;
  }

  private static void textBlock(ArrayNode blocks, String text) {
    if (!text.isEmpty()) {
      ObjectNode block = blocks.addObject();
      block.put("type", "text");
      block.put("text", text);
    }
  }
}
