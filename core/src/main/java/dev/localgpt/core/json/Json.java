package dev.localgpt.core.json;

import java.util.List;
import java.util.Map;

/**
 * The one small JSON reader of core (core has no JSON library), in two dialects sharing one tokenizer.
 *
 * <p>{@link #parse} is strict JSON, for tool-call arguments: objects become {@code Map<String, Object>} (insertion
 * order kept), arrays unmodifiable {@code List<Object>}, strings {@code String}, numbers {@code Long} when integral
 * and in range else {@code Double}, booleans {@code Boolean} and {@code null} Java null.
 *
 * <p>{@link #parseLenient} also takes the JSON5 habits seen in SKILL.md metadata: unquoted keys, single quotes,
 * trailing commas, {@code //} comments and bare words (kept as strings, stripped). There every number is a
 * {@code Double}.
 *
 * <p>Both throw {@link JsonException} naming the offset and what was expected; nesting is limited to 200 levels.
 */
public final class Json {
  private Json() {}

  /**
   * Parses one strict JSON value that makes up the whole text.
   *
   * @throws JsonException naming the position and what was expected
   */
  public static Object parse(String text) {
    return JsonReader.read(text, false);
  }

  /** Parses a strict JSON object. */
  public static Map<String, Object> parseObject(String text) {
    return object(parse(text));
  }

  /**
   * Parses one lenient (JSON5-ish) value that makes up the whole text.
   *
   * @throws JsonException naming the position and what was expected
   */
  public static Object parseLenient(String text) {
    return JsonReader.read(text, true);
  }

  /** Parses a lenient (JSON5-ish) object. */
  public static Map<String, Object> parseLenientObject(String text) {
    return object(parseLenient(text));
  }

  /** A short description of a parsed value's kind for messages: "an object", "a string", "null", ... */
  public static String describe(Object value) {
    return switch (value) {
      case null -> "null";
      case Map<?, ?> m -> "an object";
      case List<?> l -> "an array";
      case String s -> "a string";
      case Boolean b -> "a boolean";
      default -> "a number";
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    if (!(value instanceof Map)) {
      throw new JsonException("expected a JSON object, got " + describe(value));
    }
    return (Map<String, Object>) value;
  }
}
