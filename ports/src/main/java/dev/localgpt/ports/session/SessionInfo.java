package dev.localgpt.ports.session;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored session.
 *
 * @param id the session id (a UUID string)
 * @param createdAt when it began
 * @param updatedAt when the last entry was appended
 * @param title a short title (the first user message, shortened), empty until there is one
 * @param messageCount user and assistant messages so far
 */
public record SessionInfo(
    String id, Instant createdAt, Instant updatedAt, String title, int messageCount) {
  public SessionInfo {
    Objects.requireNonNull(id, "'id' must not be null");
    Objects.requireNonNull(createdAt, "'createdAt' must not be null");
    Objects.requireNonNull(updatedAt, "'updatedAt' must not be null");
    title = title == null ? "" : title;
    if (messageCount < 0) {
      throw new IllegalArgumentException("'messageCount' must be >= 0, was " + messageCount);
    }
  }

  /** A title from the first user message: its first line, at most 60 characters. */
  public static String titleOf(String firstUserMessage) {
    String line = firstUserMessage.strip().lines().findFirst().orElse("").strip();
    return line.length() <= 60 ? line : line.substring(0, 57) + "...";
  }
}
