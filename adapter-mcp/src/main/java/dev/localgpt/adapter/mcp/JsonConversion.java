package dev.localgpt.adapter.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localgpt.ports.json.JsonArray;
import dev.localgpt.ports.json.JsonBool;
import dev.localgpt.ports.json.JsonNull;
import dev.localgpt.ports.json.JsonNumber;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.json.JsonString;
import dev.localgpt.ports.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Between the SDK's plain maps (Jackson) and the ports' JSON values. */
final class JsonConversion {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonConversion() {}

  /** A schema or argument map as a ports object; null becomes the empty object. */
  static JsonObject object(Map<String, Object> map) {
    if (map == null) {
      return JsonObject.EMPTY;
    }
    return (JsonObject) value(MAPPER.valueToTree(map));
  }

  /** A ports object as the plain map the SDK sends. */
  static Map<String, Object> map(JsonObject object) {
    try {
      return MAPPER.readValue(
          object.toString(), new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "a ports JSON object did not parse back: " + e.getOriginalMessage(), e);
    }
  }

  static JsonValue value(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return JsonNull.INSTANCE;
    }
    if (node.isObject()) {
      JsonObject.Builder out = JsonObject.builder();
      node.properties().forEach(e -> out.put(e.getKey(), value(e.getValue())));
      return out.build();
    }
    if (node.isArray()) {
      List<JsonValue> items = new ArrayList<>();
      node.forEach(item -> items.add(value(item)));
      return new JsonArray(items);
    }
    if (node.isBoolean()) {
      return JsonBool.of(node.booleanValue());
    }
    if (node.isNumber()) {
      return new JsonNumber(node.decimalValue());
    }
    return new JsonString(node.asText());
  }
}
