package dev.localgpt.core.agent.tools;

/**
 * What a tool does outside the conversation, as the {@link ToolGate} sees it. {@link #READ} tools
 * only bring content in; the other three act on the world and need approval once the turn has taken
 * in untrusted content. A tool's output is untrusted unless it is a {@link #WRITE} tool (whose
 * output is LocalGPT's own confirmation).
 */
public enum ToolEffect {
  /**
   * Reads the workspace, the memory or another local source (read_file, memory_search, memory_get).
   */
  READ("reads content"),
  /** Writes or edits files (write_file, edit_file). */
  WRITE("writes files"),
  /** Runs commands or programs (bash; also the default for tools that do not say). */
  RUN("runs commands"),
  /** Reaches the network (web_fetch). */
  NETWORK("reaches the network");

  private final String verb;

  ToolEffect(String verb) {
    this.verb = verb;
  }

  /** {@code "writes files"}, {@code "runs commands"}, ... for messages. */
  public String verb() {
    return verb;
  }

  /** Whether such a tool needs approval after untrusted content came in. */
  public boolean actsOnTheWorld() {
    return this != READ;
  }

  /** Whether such a tool's output is untrusted content (everything but a write's confirmation). */
  public boolean bringsUntrustedContent() {
    return this != WRITE;
  }
}
