package dev.localgpt.core.agent;

import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.Usage;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one turn.
 *
 * @param text the final reply text (empty when silent)
 * @param added every message the turn added, the user message first
 * @param usage tokens summed over all model calls
 * @param steps model calls made
 * @param stoppedBecause why the loop ended
 * @param silent the model answered {@code NO_REPLY}: show nothing
 * @param model the model that answered last
 */
public record AgentResult(
    String text,
    List<ChatMessage> added,
    Usage usage,
    int steps,
    StopCause stoppedBecause,
    boolean silent,
    String model) {

  /** Why a turn ended. */
  public enum StopCause {
    COMPLETED,
    MAX_TOKENS,
    MAX_STEPS,
    REPEATED_TOOL_CALL,
    TOOL_ERRORS,
    CANCELLED
  }

  public AgentResult {
    text = text == null ? "" : text;
    added = List.copyOf(added);
    Objects.requireNonNull(usage, "'usage' must not be null");
    Objects.requireNonNull(stoppedBecause, "'stoppedBecause' must not be null");
  }
}
