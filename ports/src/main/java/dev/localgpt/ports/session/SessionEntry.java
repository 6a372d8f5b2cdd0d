package dev.localgpt.ports.session;

import dev.localgpt.ports.llm.ChatMessage;
import java.time.Instant;
import java.util.Objects;

/** One line of a session transcript. */
public sealed interface SessionEntry {

  Instant at();

  /** A message of the conversation (user, assistant with its tool calls, or a tool result). */
  record Message(Instant at, ChatMessage message) implements SessionEntry {
    public Message {
      Objects.requireNonNull(at, "'at' must not be null");
      Objects.requireNonNull(message, "'message' must not be null");
    }
  }

  /**
   * Older turns were summarised: on resume, the conversation is {@code summary} followed by the
   * last {@code keptMessages} messages before this entry (kept verbatim), then every message after
   * it.
   *
   * @param tokensBefore the estimated context size before compaction (0 when unknown)
   */
  record Compaction(Instant at, String summary, int keptMessages, int tokensBefore)
      implements SessionEntry {
    public Compaction {
      Objects.requireNonNull(at, "'at' must not be null");
      Objects.requireNonNull(summary, "'summary' must not be null");
      if (keptMessages < 0) {
        throw new IllegalArgumentException("'keptMessages' must be >= 0, was " + keptMessages);
      }
      if (tokensBefore < 0) {
        throw new IllegalArgumentException("'tokensBefore' must be >= 0, was " + tokensBefore);
      }
    }

    public Compaction(Instant at, String summary, int keptMessages) {
      this(at, summary, keptMessages, 0);
    }
  }
}
