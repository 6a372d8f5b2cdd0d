package dev.localgpt.core.session;

import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.Role;
import dev.localgpt.ports.session.SessionEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * How a transcript becomes the history the model sees. The live session and a resumed one use the
 * same rules, so a resumed history equals the one the process had before it stopped.
 */
public final class SessionHistory {
  /** First line of the user message that carries a compaction summary. */
  public static final String SUMMARY_MARKER = "[Summary of the earlier conversation]";

  static final String SUMMARY_ACK = "Understood. I will continue from this summary.";

  private SessionHistory() {}

  /**
   * Replays the entries: messages are appended, a compaction replaces all but its kept tail with
   * the summary.
   */
  public static List<ChatMessage> rebuild(List<SessionEntry> entries) {
    List<ChatMessage> history = new ArrayList<>();
    for (SessionEntry entry : entries) {
      switch (entry) {
        case SessionEntry.Message m -> history.add(m.message());
        case SessionEntry.Compaction c -> {
          List<ChatMessage> kept = tail(history, c.keptMessages());
          history = new ArrayList<>(compacted(c.summary(), kept));
        }
      }
    }
    return history;
  }

  /**
   * All real messages, ignoring compactions (what {@code /new} saves and {@code /export} prints).
   */
  public static List<ChatMessage> messages(List<SessionEntry> entries) {
    return entries.stream()
        .filter(SessionEntry.Message.class::isInstance)
        .map(e -> ((SessionEntry.Message) e).message())
        .toList();
  }

  /**
   * The summary as a user message, followed by an assistant acknowledgement when the kept part
   * starts with a user message (so roles keep alternating), then the kept messages.
   */
  public static List<ChatMessage> compacted(String summary, List<ChatMessage> kept) {
    List<ChatMessage> history = new ArrayList<>();
    history.add(ChatMessage.user(SUMMARY_MARKER + "\n\n" + summary));
    if (kept.isEmpty() || kept.getFirst().role() == Role.USER) {
      history.add(ChatMessage.assistant(SUMMARY_ACK));
    }
    history.addAll(kept);
    return history;
  }

  static boolean isSummary(ChatMessage message) {
    return message.role() == Role.USER && message.text().startsWith(SUMMARY_MARKER);
  }

  private static List<ChatMessage> tail(List<ChatMessage> history, int count) {
    return List.copyOf(history.subList(Math.max(0, history.size() - count), history.size()));
  }

  /** {@code Role: content} lines, LocalGPT's rendering for summaries; long tool output is cut. */
  static String render(List<ChatMessage> messages, int maxToolChars) {
    StringBuilder text = new StringBuilder();
    for (ChatMessage m : messages) {
      switch (m.role()) {
        case USER -> text.append("User: ").append(m.text());
        case ASSISTANT -> {
          text.append("Assistant: ").append(m.text());
          m.toolCalls()
              .forEach(
                  c ->
                      text.append("\n[tool call ")
                          .append(c.name())
                          .append(' ')
                          .append(c.argumentsJson())
                          .append(']'));
        }
        case TOOL ->
            text.append("Tool ")
                .append(m.toolName())
                .append(": ")
                .append(cut(m.text(), maxToolChars));
      }
      text.append("\n\n");
    }
    return text.toString().strip();
  }

  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + " […]";
  }

  static String firstLine(String text) {
    return text.strip().lines().findFirst().orElse("").strip();
  }
}
