package dev.localgpt.ports.tools;

import java.util.Objects;

/**
 * What a tool returned: its text content, joined; non-text content is described in a line.
 *
 * @param text the result text (untrusted: the caller fences it)
 * @param error whether the server marked the result as an error
 */
public record ToolResult(String text, boolean error) {
  public ToolResult {
    Objects.requireNonNull(text, "'text' must not be null");
  }
}
