package dev.localgpt.ports.tools;

/**
 * A tool server could not serve a call: not running, no answer in time, died, or answered nonsense.
 */
public class ToolSourceException extends RuntimeException {
  public ToolSourceException(String message) {
    super(message);
  }

  public ToolSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
