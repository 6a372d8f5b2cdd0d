package dev.localgpt.core.chat;

import dev.localgpt.core.agent.AgentResult.StopCause;
import dev.localgpt.core.session.CompactionOutcome;
import dev.localgpt.ports.llm.Usage;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link ChatService#send}.
 *
 * @param text the reply (empty when silent)
 * @param silent the model replied {@code NO_REPLY}: show nothing
 * @param stoppedBecause why the turn ended
 * @param usage tokens over all model calls of the turn
 * @param model the model that answered last
 * @param toolCalls tool calls run in this turn
 * @param sessionId the session the turn was stored in
 * @param compaction the compaction done before the turn, if the context was near its limit
 */
public record TurnResult(
    String text,
    boolean silent,
    StopCause stoppedBecause,
    Usage usage,
    String model,
    int toolCalls,
    String sessionId,
    Optional<CompactionOutcome.Compacted> compaction) {
  public TurnResult {
    text = text == null ? "" : text;
    Objects.requireNonNull(stoppedBecause, "'stoppedBecause' must not be null");
    Objects.requireNonNull(usage, "'usage' must not be null");
    Objects.requireNonNull(sessionId, "'sessionId' must not be null");
    Objects.requireNonNull(compaction, "'compaction' must not be null");
  }
}
