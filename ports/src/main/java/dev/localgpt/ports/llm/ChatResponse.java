package dev.localgpt.ports.llm;

import java.util.List;
import java.util.Objects;

/**
 * The complete result of one model call.
 *
 * @param text the whole reply text (all deltas joined)
 * @param toolCalls the tool calls the model asked for, in order
 * @param usage token counts
 * @param stopReason why it stopped
 * @param model the {@code provider/model} that actually answered (may differ from the request after
 *     a fallback)
 */
public record ChatResponse(
    String text, List<ToolCall> toolCalls, Usage usage, StopReason stopReason, String model) {
  public ChatResponse {
    text = text == null ? "" : text;
    toolCalls = List.copyOf(toolCalls);
    Objects.requireNonNull(usage, "'usage' must not be null");
    Objects.requireNonNull(stopReason, "'stopReason' must not be null");
    Objects.requireNonNull(model, "'model' must not be null");
  }
}
