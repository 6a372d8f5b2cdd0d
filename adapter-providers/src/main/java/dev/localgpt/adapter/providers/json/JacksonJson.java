package dev.localgpt.adapter.providers.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.ports.json.JsonArray;
import dev.localgpt.ports.json.JsonBool;
import dev.localgpt.ports.json.JsonNull;
import dev.localgpt.ports.json.JsonNumber;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.json.JsonString;
import dev.localgpt.ports.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Converts between Jackson trees and {@link JsonValue}s, and parses JSON text into them.
 * Thread-safe.
 */
public final class JacksonJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private JacksonJson() {}

  /** The value of a Jackson tree (a missing node becomes JSON null). */
  public static JsonValue value(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return JsonNull.INSTANCE;
    }
    if (node.isObject()) {
      return object(node);
    }
    if (node.isArray()) {
      List<JsonValue> items = new ArrayList<>(node.size());
      node.forEach(item -> items.add(value(item)));
      return new JsonArray(items);
    }
    if (node.isBoolean()) {
      return JsonBool.of(node.booleanValue());
    }
    if (node.isNumber()) {
      return node.isIntegralNumber()
          ? new JsonNumber(new BigDecimal(node.bigIntegerValue()))
          : node.isBigDecimal()
              ? new JsonNumber(node.decimalValue())
              : JsonNumber.of(node.doubleValue());
    }
    return new JsonString(node.asText());
  }

  /** The object of a Jackson object node. */
  public static JsonObject object(JsonNode node) {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    node.properties().forEach(e -> fields.put(e.getKey(), value(e.getValue())));
    return new JsonObject(fields);
  }

  /** The Jackson tree of a value. */
  public static JsonNode node(JsonValue value) {
    return switch (value) {
      case JsonObject o -> node(o);
      case JsonArray a -> {
        ArrayNode array = NODES.arrayNode();
        a.items().forEach(item -> array.add(node(item)));
        yield array;
      }
      case JsonString s -> NODES.textNode(s.value());
      case JsonNumber n ->
          n.isLong() ? NODES.numberNode(n.longValue()) : NODES.numberNode(n.value());
      case JsonBool b -> NODES.booleanNode(b.value());
      case JsonNull n -> NODES.nullNode();
    };
  }

  public static ObjectNode node(JsonObject object) {
    ObjectNode node = NODES.objectNode();
    object.fields().forEach((k, v) -> node.set(k, node(v)));
    return node;
  }

  /** Compact JSON text of a value, written by Jackson. */
  public static String write(JsonValue value) {
    try {
      return MAPPER.writeValueAsString(node(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JSON value", e);
    }
  }

  /**
   * The object in {@code text}; empty when the text is not valid JSON or not an object. Blank text
   * is {}.
   */
  public static Optional<JsonObject> parseObject(String text) {
    if (text == null || text.isBlank()) {
      return Optional.of(JsonObject.EMPTY);
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      return node != null && node.isObject() ? Optional.of(object(node)) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
