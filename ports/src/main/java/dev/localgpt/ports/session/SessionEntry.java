package dev.localgpt.ports.session;

import dev.localgpt.ports.llm.ChatMessage;
import java.time.Instant;

/** One line of a session transcript. */
public sealed interface SessionEntry {

  Instant at();

  /** A message of the conversation (user, assistant with its tool calls, or a tool result). */
  record Message(Instant at, ChatMessage message) implements SessionEntry {}

  /**
   * Older turns were summarised: on resume, the conversation is {@code summary} followed by the messages after this
   * entry's position minus {@code keptMessages} recent ones kept verbatim.
   */
  record Compaction(Instant at, String summary, int keptMessages) implements SessionEntry {}
}
