package dev.localgpt.adapter.providers.http;

import dev.localgpt.ports.llm.ChatEvent;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatResponse;
import dev.localgpt.ports.llm.StopReason;
import dev.localgpt.ports.llm.ToolCall;
import dev.localgpt.ports.llm.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects a streamed reply while forwarding its events to the listener. Not thread-safe; one per
 * call.
 */
public final class ReplyCollector {
  private final ChatListener listener;
  private final StringBuilder text = new StringBuilder();
  private final List<ToolCall> toolCalls = new ArrayList<>();
  private int inputTokens;
  private int outputTokens;
  private StopReason stopReason;

  public ReplyCollector(ChatListener listener) {
    this.listener = listener;
  }

  public void text(String delta) {
    if (delta != null && !delta.isEmpty()) {
      text.append(delta);
      listener.onEvent(new ChatEvent.TextDelta(delta));
    }
  }

  public void toolCall(ToolCall call) {
    toolCalls.add(call);
    listener.onEvent(new ChatEvent.ToolCallReady(call));
  }

  public int toolCallCount() {
    return toolCalls.size();
  }

  public void inputTokens(int tokens) {
    inputTokens = tokens;
  }

  public void outputTokens(int tokens) {
    outputTokens = tokens;
  }

  public void stopReason(StopReason reason) {
    stopReason = reason;
  }

  public boolean cancelled() {
    return listener.isCancelled();
  }

  /** The response; the stop reason defaults to TOOL_USE when there were calls, else END_TURN. */
  public ChatResponse finish(String model) {
    StopReason reason = stopReason;
    if (reason == null) {
      reason = toolCalls.isEmpty() ? StopReason.END_TURN : StopReason.TOOL_USE;
    }
    return new ChatResponse(
        text.toString(), toolCalls, new Usage(inputTokens, outputTokens), reason, model);
  }

  /** The response of a call the listener cancelled. */
  public ChatResponse cancelled(String model) {
    stopReason = StopReason.CANCELLED;
    return finish(model);
  }
}
