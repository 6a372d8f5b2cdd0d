package dev.localgpt.core.agent.tools;

/**
 * A tool call failed in a way the model should be told about (bad argument, file missing, denied
 * command).
 */
public class ToolException extends RuntimeException {
  public ToolException(String message) {
    super(message);
  }
}
