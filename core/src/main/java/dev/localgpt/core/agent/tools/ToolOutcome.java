package dev.localgpt.core.agent.tools;

import java.util.Objects;

/**
 * What a tool produced.
 *
 * @param text the result text for the model
 * @param error whether the call failed (counts towards the agent's error guard)
 */
public record ToolOutcome(String text, boolean error) {
  public ToolOutcome {
    Objects.requireNonNull(text, "'text' must not be null");
  }

  public static ToolOutcome ok(String text) {
    return new ToolOutcome(text, false);
  }

  public static ToolOutcome error(String text) {
    return new ToolOutcome(text, true);
  }
}
