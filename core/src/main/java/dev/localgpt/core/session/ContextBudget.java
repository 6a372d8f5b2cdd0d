package dev.localgpt.core.session;

import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ToolCall;
import java.util.List;

/**
 * The context budget of a model: tokens are estimated as UTF-8 bytes / 4 (rounded up), as LocalGPT
 * does. Past the soft limit ({@code contextWindow − reserveTokens − 4000}) the session writes a
 * memory checkpoint and compacts.
 *
 * @param contextWindow the model's context window in tokens
 * @param reserveTokens tokens kept free for the reply
 */
public record ContextBudget(int contextWindow, int reserveTokens) {
  /** Distance between the soft and the hard limit, as in OpenClaw ({@code softThresholdTokens}). */
  public static final int SOFT_MARGIN = 4000;

  public ContextBudget {
    if (contextWindow <= 0) {
      throw new IllegalArgumentException("'contextWindow' must be > 0, was " + contextWindow);
    }
    if (reserveTokens < 0) {
      throw new IllegalArgumentException("'reserveTokens' must be >= 0, was " + reserveTokens);
    }
    if (contextWindow - reserveTokens - SOFT_MARGIN <= 0) {
      throw new IllegalArgumentException(
          "'reserveTokens' ("
              + reserveTokens
              + ") + "
              + SOFT_MARGIN
              + " must be below 'contextWindow' ("
              + contextWindow
              + "): lower the reserve or use a model with a larger window");
    }
  }

  public int hardLimit() {
    return contextWindow - reserveTokens;
  }

  public int softLimit() {
    return hardLimit() - SOFT_MARGIN;
  }

  /** Estimated tokens of the system prompt plus the history. */
  public static int estimate(String system, List<ChatMessage> history) {
    long bytes = utf8Length(system);
    for (ChatMessage message : history) {
      bytes += bytesOf(message);
    }
    return (int) Math.min(Integer.MAX_VALUE, (bytes + 3) / 4);
  }

  /** Estimated tokens of one text. */
  public static int estimate(String text) {
    return (int) ((utf8Length(text) + 3) / 4);
  }

  public boolean needsCheckpoint(String system, List<ChatMessage> history) {
    return estimate(system, history) >= softLimit();
  }

  public boolean overHardLimit(String system, List<ChatMessage> history) {
    return estimate(system, history) >= hardLimit();
  }

  private static long bytesOf(ChatMessage message) {
    long bytes = utf8Length(message.text());
    for (ToolCall call : message.toolCalls()) {
      bytes += utf8Length(call.id()) + utf8Length(call.name()) + utf8Length(call.argumentsJson());
    }
    if (message.toolCallId() != null) {
      bytes += utf8Length(message.toolCallId()) + utf8Length(message.toolName());
    }
    return bytes;
  }

  static long utf8Length(String text) {
    if (text == null) {
      return 0;
    }
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
