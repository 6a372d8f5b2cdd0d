package dev.localgpt.core.agent.tools;

import java.util.Optional;

/**
 * Whether the current agent turn has taken in untrusted content (a file, memory hits, a web page,
 * command output, a skill read with read_file), and from which tool first. One per turn, created
 * clean by the agent loop and marked by the {@link ToolBox} after each tool whose output is
 * untrusted. Not thread-safe: a turn runs its tools one by one.
 */
public final class TurnTaint {
  private String source;

  /** A turn that has taken in nothing yet. */
  public static TurnTaint clean() {
    return new TurnTaint();
  }

  /**
   * Records that untrusted content came in through {@code source} (a tool name); the first source
   * is kept.
   */
  public void record(String source) {
    if (this.source == null) {
      this.source = source == null || source.isBlank() ? "a tool" : source;
    }
  }

  public boolean tainted() {
    return source != null;
  }

  /** The first tool that brought untrusted content in, when there was one. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }
}
