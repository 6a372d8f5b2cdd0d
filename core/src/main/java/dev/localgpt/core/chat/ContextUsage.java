package dev.localgpt.core.chat;

import java.util.Locale;

/**
 * How full the context is ({@code /context}); tokens are estimated as UTF-8 bytes / 4.
 *
 * @param systemTokens the system prompt
 * @param toolTokens the tool schemas
 * @param historyTokens the conversation history (after compactions)
 * @param contextWindow the model's window
 * @param softLimit where the memory checkpoint and compaction happen
 */
public record ContextUsage(
    int systemTokens, int toolTokens, int historyTokens, int contextWindow, int softLimit) {
  /** Above this share of the window {@code /context} and {@code /status} warn. */
  public static final double WARN_AT = 0.80;

  public int used() {
    return systemTokens + toolTokens + historyTokens;
  }

  public double fraction() {
    return contextWindow == 0 ? 0 : (double) used() / contextWindow;
  }

  public boolean warning() {
    return fraction() > WARN_AT;
  }

  /** {@code 12,345 / 128,000 tokens (9.6%)}. */
  public String summary() {
    return String.format(
        Locale.ROOT, "%,d / %,d tokens (%.1f%%)", used(), contextWindow, fraction() * 100);
  }

  public String render() {
    StringBuilder out = new StringBuilder("Context: ").append(summary()).append('\n');
    out.append(
        String.format(
            Locale.ROOT,
            "  system prompt  %,d%n  tool schemas   %,d%n  history        %,d%n",
            systemTokens,
            toolTokens,
            historyTokens));
    out.append(String.format(Locale.ROOT, "  compaction at  %,d (soft limit)", softLimit));
    if (warning()) {
      out.append("\nWarning: the context is over 80% full; use /compact or /new.");
    }
    return out.toString();
  }
}
