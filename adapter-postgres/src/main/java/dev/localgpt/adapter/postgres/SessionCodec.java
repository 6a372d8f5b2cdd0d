package dev.localgpt.adapter.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.ports.json.JsonArray;
import dev.localgpt.ports.json.JsonBool;
import dev.localgpt.ports.json.JsonNull;
import dev.localgpt.ports.json.JsonNumber;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.json.JsonString;
import dev.localgpt.ports.json.JsonValue;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.Role;
import dev.localgpt.ports.llm.ToolCall;
import dev.localgpt.ports.session.SessionEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Session entries as JSON text (one row each), with Jackson's tree model. */
final class SessionCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SessionCodec() {}

  static String encode(SessionEntry entry) {
    ObjectNode o = JSON.createObjectNode();
    o.put("at", entry.at().toString());
    switch (entry) {
      case SessionEntry.Message m -> {
        ChatMessage msg = m.message();
        o.put("type", "message").put("role", msg.role().name()).put("text", msg.text());
        if (msg.toolCallId() != null) {
          o.put("toolCallId", msg.toolCallId());
        }
        if (msg.toolName() != null) {
          o.put("toolName", msg.toolName());
        }
        o.put("error", msg.error());
        ArrayNode calls = o.putArray("toolCalls");
        for (ToolCall call : msg.toolCalls()) {
          ObjectNode c = calls.addObject().put("id", call.id()).put("name", call.name());
          c.set("arguments", tree(call.arguments()));
          if (call.malformedArguments() != null) {
            c.put("malformed", call.malformedArguments());
          }
        }
      }
      case SessionEntry.Compaction c ->
          o.put("type", "compaction")
              .put("summary", c.summary())
              .put("keptMessages", c.keptMessages())
              .put("tokensBefore", c.tokensBefore());
    }
    return o.toString();
  }

  static SessionEntry decode(String text) throws JsonProcessingException {
    JsonNode o = JSON.readTree(text);
    Instant at = Instant.parse(o.get("at").asText());
    if (o.get("type").asText().equals("compaction")) {
      return new SessionEntry.Compaction(
          at,
          o.get("summary").asText(),
          o.get("keptMessages").asInt(),
          o.get("tokensBefore").asInt());
    }
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode c : o.get("toolCalls")) {
      calls.add(
          new ToolCall(
              c.get("id").asText(),
              c.get("name").asText(),
              (JsonObject) value(c.get("arguments")),
              c.has("malformed") ? c.get("malformed").asText() : null));
    }
    return new SessionEntry.Message(
        at,
        new ChatMessage(
            Role.valueOf(o.get("role").asText()),
            o.get("text").asText(),
            calls,
            o.has("toolCallId") ? o.get("toolCallId").asText() : null,
            o.has("toolName") ? o.get("toolName").asText() : null,
            o.get("error").asBoolean()));
  }

  private static JsonNode tree(JsonValue value) {
    return switch (value) {
      case JsonObject obj -> {
        ObjectNode n = JSON.createObjectNode();
        obj.fields().forEach((k, v) -> n.set(k, tree(v)));
        yield n;
      }
      case JsonArray arr -> {
        ArrayNode n = JSON.createArrayNode();
        arr.items().forEach(v -> n.add(tree(v)));
        yield n;
      }
      case JsonString s -> JSON.getNodeFactory().textNode(s.value());
      case JsonNumber num -> JSON.getNodeFactory().numberNode(num.value());
      case JsonBool b -> JSON.getNodeFactory().booleanNode(b.value());
      case JsonNull ignored -> JSON.getNodeFactory().nullNode();
    };
  }

  private static JsonValue value(JsonNode node) {
    if (node.isObject()) {
      JsonObject.Builder b = JsonObject.builder();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        b.put(e.getKey(), value(e.getValue()));
      }
      return b.build();
    }
    if (node.isArray()) {
      List<JsonValue> items = new ArrayList<>();
      node.forEach(item -> items.add(value(item)));
      return new JsonArray(items);
    }
    if (node.isNumber()) {
      return new JsonNumber(node.decimalValue());
    }
    if (node.isBoolean()) {
      return JsonBool.of(node.asBoolean());
    }
    if (node.isNull()) {
      return JsonNull.INSTANCE;
    }
    return new JsonString(node.asText());
  }
}
