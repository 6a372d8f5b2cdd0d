package dev.localgpt.core.agent.tools;

/** A tool call's arguments are missing, of the wrong kind, or were not a JSON object. */
public class ArgumentException extends IllegalArgumentException {
  public ArgumentException(String message) {
    super(message);
  }
}
