package dev.localgpt.core.chat;

import dev.localgpt.core.agent.tools.ToolOutcome;
import dev.localgpt.ports.llm.ToolCall;

/**
 * What a front end sees while a turn runs, on the calling thread, in order. All methods default to
 * no-ops. Polling {@link #isCancelled()} is how Ctrl-C stops the current reply without stopping the
 * program.
 */
public interface ChatStreamListener {

  ChatStreamListener NONE = new ChatStreamListener() {};

  /** A piece of the reply text. */
  default void onText(String delta) {}

  /**
   * A tool is about to run ({@code > Running tool: name (detail) ...}); {@code detail} may be
   * empty.
   */
  default void onToolStart(String tool, String detail) {}

  /** The tool finished; {@code error} when it failed or was denied. */
  default void onToolEnd(String tool, boolean error) {}

  /**
   * A tool is about to run, with its call id and arguments (for front ends that show them, e.g. the
   * HTTP server's {@code tool_start} event). By default calls {@link #onToolStart(String, String)}.
   */
  default void onToolStart(ToolCall call, String detail) {
    onToolStart(call.name(), detail);
  }

  /** The tool finished, with its output. By default calls {@link #onToolEnd(String, boolean)}. */
  default void onToolEnd(ToolCall call, ToolOutcome outcome) {
    onToolEnd(call.name(), outcome.error());
  }

  /** A one-line notice (model fallback, compaction, checkpoint). */
  default void onNotice(String message) {}

  default boolean isCancelled() {
    return false;
  }
}
