package dev.localgpt.ports.json;

/**
 * A JSON value of another kind than the reader needs, e.g. "'limit' must be a number, got a
 * string".
 */
public class JsonTypeException extends IllegalArgumentException {
  public JsonTypeException(String message) {
    super(message);
  }
}
