package dev.localgpt.ports.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A JSON object: fields in insertion order (kept when printed), compared by value regardless of
 * order. The typed accessors return empty for an absent field or a JSON null and throw {@link
 * JsonTypeException} naming the field when it holds another kind.
 */
public record JsonObject(Map<String, JsonValue> fields) implements JsonValue {
  public static final JsonObject EMPTY = new JsonObject(Map.of());

  public JsonObject {
    Map<String, JsonValue> copy = new LinkedHashMap<>();
    fields.forEach(
        (k, v) ->
            copy.put(
                Objects.requireNonNull(k, "field names must not be null"),
                Objects.requireNonNull(
                    v, "field '" + k + "' must not be Java null (use JsonNull.INSTANCE)")));
    fields = Collections.unmodifiableMap(copy);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** An object of one string field. */
  public static JsonObject of(String name, String value) {
    return builder().put(name, value).build();
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }

  public boolean has(String name) {
    return fields.containsKey(name);
  }

  /** The field's value, JSON null included; empty when absent. */
  public Optional<JsonValue> get(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  public Optional<String> string(String name) {
    return typed(name, JsonString.class, "a string").map(JsonString::value);
  }

  public Optional<JsonNumber> number(String name) {
    return typed(name, JsonNumber.class, "a number");
  }

  public Optional<Boolean> bool(String name) {
    return typed(name, JsonBool.class, "true or false").map(JsonBool::value);
  }

  public Optional<JsonObject> object(String name) {
    return typed(name, JsonObject.class, "an object");
  }

  public Optional<JsonArray> array(String name) {
    return typed(name, JsonArray.class, "an array");
  }

  private <T extends JsonValue> Optional<T> typed(String name, Class<T> type, String expected) {
    JsonValue value = fields.get(name);
    if (value == null || value instanceof JsonNull) {
      return Optional.empty();
    }
    if (type.isInstance(value)) {
      return Optional.of(type.cast(value));
    }
    throw new JsonTypeException("'" + name + "' must be " + expected + ", got " + value.describe());
  }

  /** A copy with one field set (added last, or replaced in place). */
  public JsonObject with(String name, JsonValue value) {
    return toBuilder().put(name, value).build();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.fields.putAll(fields);
    return b;
  }

  @Override
  public String toString() {
    return JsonText.write(this);
  }

  /** Builds an object field by field, in order. */
  public static final class Builder {
    private final Map<String, JsonValue> fields = new LinkedHashMap<>();

    private Builder() {}

    public Builder put(String name, JsonValue value) {
      fields.put(name, value);
      return this;
    }

    public Builder put(String name, String value) {
      return put(name, new JsonString(value));
    }

    public Builder put(String name, long value) {
      return put(name, JsonValue.of(value));
    }

    public Builder put(String name, double value) {
      return put(name, JsonNumber.of(value));
    }

    public Builder put(String name, boolean value) {
      return put(name, JsonBool.of(value));
    }

    public JsonObject build() {
      return new JsonObject(fields);
    }
  }
}
