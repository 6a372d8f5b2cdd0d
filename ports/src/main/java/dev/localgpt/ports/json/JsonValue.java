package dev.localgpt.ports.json;

import java.math.BigDecimal;
import java.util.List;

/**
 * One JSON value: an object, array, string, number, boolean or null. Values are immutable records
 * that compare by value; {@link #toString()} is the compact JSON text (object fields in insertion
 * order). Parsing JSON text is the adapters' work (they own the JSON library); this model has no
 * parser.
 */
public sealed interface JsonValue
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBool, JsonNull {

  /**
   * A short description of the kind for messages: "an object", "an array", "a string", "a number",
   * ...
   */
  default String describe() {
    return switch (this) {
      case JsonObject o -> "an object";
      case JsonArray a -> "an array";
      case JsonString s -> "a string";
      case JsonNumber n -> "a number";
      case JsonBool b -> "a boolean";
      case JsonNull n -> "null";
    };
  }

  static JsonString of(String value) {
    return new JsonString(value);
  }

  static JsonNumber of(long value) {
    return new JsonNumber(BigDecimal.valueOf(value));
  }

  /**
   * @throws IllegalArgumentException for NaN or an infinity, which JSON cannot hold
   */
  static JsonNumber of(double value) {
    return JsonNumber.of(value);
  }

  static JsonBool of(boolean value) {
    return JsonBool.of(value);
  }

  /** An array of strings. */
  static JsonArray ofStrings(List<String> values) {
    return new JsonArray(values.stream().<JsonValue>map(JsonString::new).toList());
  }
}
