package dev.localgpt.adapter.providers.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.adapter.providers.http.ToolCalls;
import dev.localgpt.adapter.providers.json.JacksonJson;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.Role;
import dev.localgpt.ports.llm.ToolCall;
import dev.localgpt.ports.session.SessionEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps session entries to and from pi's JSONL lines (session format version 3). Messages: user
 * {@code content} is a list of {@code text} blocks (a plain string is accepted on read); assistant
 * content holds {@code text} and {@code toolCall} blocks; tool results are role {@code toolResult}
 * with {@code toolCallId} and {@code toolName}. Tool call arguments are written as a JSON object
 * (malformed ones as the string the model sent) and read back alike.
 */
final class PiJsonCodec {
  static final int VERSION = 3;
  private static final ObjectMapper MAPPER = new ObjectMapper(); // thread-safe once configured

  String header(String sessionId, Instant at, String cwd) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("type", "session").put("version", VERSION).put("id", sessionId);
    node.put("timestamp", at.toString()).put("cwd", cwd);
    return write(node);
  }

  /**
   * One entry line (without the newline); {@code firstKeptEntryId} is used for compactions only.
   */
  String entry(SessionEntry entry, String id, String parentId, String firstKeptEntryId) {
    ObjectNode node = MAPPER.createObjectNode();
    switch (entry) {
      case SessionEntry.Message m -> {
        base(node, "message", id, parentId, m.at());
        node.set("message", message(m.message(), m.at()));
      }
      case SessionEntry.Compaction c -> {
        base(node, "compaction", id, parentId, c.at());
        node.put("summary", c.summary());
        node.put("firstKeptEntryId", firstKeptEntryId);
        node.put("tokensBefore", c.tokensBefore());
        node.put("keptMessages", c.keptMessages());
      }
    }
    return write(node);
  }

  JsonNode parse(String line) throws JsonProcessingException {
    return MAPPER.readTree(line);
  }

  /** The chat message of a {@code message} entry, or null when its role is not one we use. */
  ChatMessage message(JsonNode message) {
    String role = message.path("role").asText();
    return switch (role) {
      case "user" -> ChatMessage.user(text(message.path("content")));
      case "assistant" ->
          ChatMessage.assistant(text(message.path("content")), toolCalls(message.path("content")));
      case "toolResult" ->
          new ChatMessage(
              Role.TOOL,
              text(message.path("content")),
              List.of(),
              message.path("toolCallId").asText(),
              message.path("toolName").asText(),
              message.path("isError").asBoolean(false));
      default -> null;
    };
  }

  static Instant timestamp(JsonNode node) {
    JsonNode ts = node.path("timestamp");
    if (ts.isTextual()) {
      return Instant.parse(ts.asText());
    }
    return Instant.ofEpochMilli(node.path("message").path("timestamp").asLong(0));
  }

  private void base(ObjectNode node, String type, String id, String parentId, Instant at) {
    node.put("type", type).put("id", id);
    if (parentId == null) {
      node.putNull("parentId");
    } else {
      node.put("parentId", parentId);
    }
    node.put("timestamp", at.toString());
  }

  private ObjectNode message(ChatMessage message, Instant at) {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode content = MAPPER.createArrayNode();
    switch (message.role()) {
      case USER -> {
        node.put("role", "user");
        content.addObject().put("type", "text").put("text", message.text());
      }
      case ASSISTANT -> {
        node.put("role", "assistant");
        if (!message.text().isEmpty() || message.toolCalls().isEmpty()) {
          content.addObject().put("type", "text").put("text", message.text());
        }
        for (ToolCall call : message.toolCalls()) {
          ObjectNode block = content.addObject().put("type", "toolCall").put("id", call.id());
          block.put("name", call.name());
          block.set(
              "arguments",
              call.wellFormed()
                  ? JacksonJson.node(call.arguments())
                  : MAPPER.getNodeFactory().textNode(call.malformedArguments()));
        }
        node.put("stopReason", message.toolCalls().isEmpty() ? "stop" : "toolUse");
      }
      case TOOL -> {
        node.put("role", "toolResult").put("toolCallId", message.toolCallId());
        node.put("toolName", message.toolName());
        content.addObject().put("type", "text").put("text", message.text());
        node.put("isError", message.error());
      }
    }
    node.set("content", content);
    node.put("timestamp", at.toEpochMilli());
    return node;
  }

  private static String text(JsonNode content) {
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder text = new StringBuilder();
    for (JsonNode block : content) {
      if ("text".equals(block.path("type").asText())) {
        text.append(block.path("text").asText());
      }
    }
    return text.toString();
  }

  private List<ToolCall> toolCalls(JsonNode content) {
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode block : content) {
      if ("toolCall".equals(block.path("type").asText())) {
        calls.add(
            ToolCalls.of(
                block.path("id").asText(), block.path("name").asText(), block.path("arguments")));
      }
    }
    return calls;
  }

  private String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a session entry", e);
    }
  }
}
