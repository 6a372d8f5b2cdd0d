package dev.localgpt.ports.json;

import java.util.Objects;

/** A JSON string. */
public record JsonString(String value) implements JsonValue {
  public JsonString {
    Objects.requireNonNull(value, "'value' must not be null");
  }

  @Override
  public String toString() {
    return JsonText.write(this);
  }
}
