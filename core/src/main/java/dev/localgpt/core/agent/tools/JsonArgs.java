package dev.localgpt.core.agent.tools;

import dev.localgpt.core.json.Json;
import dev.localgpt.core.json.JsonException;
import java.util.Map;
import java.util.Optional;

/** Typed access to a tool's JSON arguments, with errors that name the argument. */
public final class JsonArgs {
  private final Map<String, Object> values;

  private JsonArgs(Map<String, Object> values) {
    this.values = values;
  }

  /**
   * Parses a tool's argument text.
   *
   * @throws JsonException when the text is not a JSON object
   */
  public static JsonArgs parse(String argumentsJson) {
    return new JsonArgs(Json.parseObject(argumentsJson == null || argumentsJson.isBlank() ? "{}" : argumentsJson));
  }

  /** A required string argument. */
  public String string(String name) {
    return optString(name)
        .orElseThrow(() -> new JsonException("missing required argument '" + name + "'"));
  }

  public Optional<String> optString(String name) {
    Object v = values.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof String s) {
      return Optional.of(s);
    }
    throw new JsonException("argument '" + name + "' must be a string, got " + Json.describe(v));
  }

  public Optional<Long> optLong(String name) {
    Object v = values.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Long l) {
      return Optional.of(l);
    }
    if (v instanceof Double d && d == Math.rint(d)) {
      return Optional.of(d.longValue());
    }
    if (v instanceof String s && s.strip().matches("-?\\d{1,18}")) {
      return Optional.of(Long.parseLong(s.strip()));
    }
    throw new JsonException("argument '" + name + "' must be an integer, got " + Json.describe(v));
  }

  public Optional<Double> optDouble(String name) {
    Object v = values.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof Number n) {
      return Optional.of(n.doubleValue());
    }
    throw new JsonException("argument '" + name + "' must be a number, got " + Json.describe(v));
  }

  public boolean bool(String name, boolean fallback) {
    Object v = values.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    throw new JsonException("argument '" + name + "' must be true or false, got " + Json.describe(v));
  }
}
