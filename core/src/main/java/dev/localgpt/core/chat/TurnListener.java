package dev.localgpt.core.chat;

import dev.localgpt.core.agent.AgentListener;
import dev.localgpt.core.agent.tools.ToolOutcome;
import dev.localgpt.core.session.ChatSession;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ToolCall;

/**
 * Bridges one turn's agent events: messages go to the session (persisted first), the rest to the
 * front end.
 */
final class TurnListener implements AgentListener {
  private final ChatSession session;
  private final ChatStreamListener out;
  private int toolCalls;

  TurnListener(ChatSession session, ChatStreamListener out) {
    this.session = session;
    this.out = out;
  }

  int toolCalls() {
    return toolCalls;
  }

  @Override
  public void onText(String delta) {
    out.onText(delta);
  }

  @Override
  public void onMessage(ChatMessage message) {
    session.onMessage(message);
  }

  @Override
  public void onToolStart(ToolCall call, String detail) {
    toolCalls++;
    out.onToolStart(call, detail);
  }

  @Override
  public void onToolEnd(ToolCall call, ToolOutcome outcome) {
    out.onToolEnd(call, outcome);
  }

  @Override
  public void onNotice(String message) {
    out.onNotice(message);
  }

  @Override
  public boolean isCancelled() {
    return out.isCancelled();
  }
}
