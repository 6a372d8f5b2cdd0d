package dev.localgpt.core.agent.tools;

import dev.localgpt.ports.json.JsonNull;
import dev.localgpt.ports.json.JsonNumber;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.json.JsonString;
import dev.localgpt.ports.json.JsonTypeException;
import dev.localgpt.ports.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * Typed access to a tool call's arguments (already parsed by the model adapter), with errors that
 * name the argument. Absent arguments and JSON nulls read as absent. Integers are also accepted as
 * numbers with no fraction and as digit strings, which small models send.
 */
public final class JsonArgs {
  private final JsonObject values;

  private JsonArgs(JsonObject values) {
    this.values = values;
  }

  public static JsonArgs of(JsonObject arguments) {
    return new JsonArgs(Objects.requireNonNull(arguments, "'arguments' must not be null"));
  }

  /** A required string argument. */
  /** All the arguments, as the model sent them. */
  public JsonObject object() {
    return values;
  }

  public String string(String name) {
    return optString(name)
        .orElseThrow(() -> new ArgumentException("missing required argument '" + name + "'"));
  }

  public Optional<String> optString(String name) {
    try {
      return values.string(name);
    } catch (JsonTypeException e) {
      throw wrongKind(name, "a string");
    }
  }

  public Optional<Long> optLong(String name) {
    Optional<JsonValue> v = present(name);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.get() instanceof JsonNumber n && n.isLong()) {
      return Optional.of(n.longValue());
    }
    if (v.get() instanceof JsonString s && s.value().strip().matches("-?\\d{1,18}")) {
      return Optional.of(Long.parseLong(s.value().strip()));
    }
    throw wrongKind(name, "an integer");
  }

  public Optional<Double> optDouble(String name) {
    try {
      return values.number(name).map(JsonNumber::doubleValue);
    } catch (JsonTypeException e) {
      throw wrongKind(name, "a number");
    }
  }

  public boolean bool(String name, boolean fallback) {
    try {
      return values.bool(name).orElse(fallback);
    } catch (JsonTypeException e) {
      throw wrongKind(name, "true or false");
    }
  }

  private Optional<JsonValue> present(String name) {
    return values.get(name).filter(v -> !(v instanceof JsonNull));
  }

  private ArgumentException wrongKind(String name, String expected) {
    return new ArgumentException(
        "argument '"
            + name
            + "' must be "
            + expected
            + ", got "
            + values.get(name).orElseThrow().describe());
  }
}
