package dev.localgpt.core.agent;

import dev.localgpt.core.agent.tools.ToolOutcome;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ToolCall;

/**
 * What the agent reports while a turn runs, on the calling thread, in order. All methods default to
 * no-ops. {@link #onMessage} gets every message added to the conversation as soon as it exists (the
 * session store persists it); {@link #isCancelled} is polled between stream events and tool calls.
 */
public interface AgentListener {

  AgentListener NONE = new AgentListener() {};

  /** A piece of the reply text as it streams. */
  default void onText(String delta) {}

  /** A message was added to the conversation (user, assistant, or tool result). */
  default void onMessage(ChatMessage message) {}

  /**
   * A tool is about to run; {@code detail} is a short description (path, command, URL) or empty.
   */
  default void onToolStart(ToolCall call, String detail) {}

  /** A tool finished. */
  default void onToolEnd(ToolCall call, ToolOutcome outcome) {}

  /** A one-line notice, e.g. a model fallback. */
  default void onNotice(String message) {}

  default boolean isCancelled() {
    return false;
  }
}
