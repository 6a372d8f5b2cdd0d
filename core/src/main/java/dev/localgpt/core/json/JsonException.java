package dev.localgpt.core.json;

/** Text that is not valid JSON, or a value of the wrong type. */
public class JsonException extends IllegalArgumentException {
  public JsonException(String message) {
    super(message);
  }
}
