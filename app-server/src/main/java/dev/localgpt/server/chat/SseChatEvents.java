package dev.localgpt.server.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.core.agent.tools.ToolOutcome;
import dev.localgpt.core.chat.ChatStreamListener;
import dev.localgpt.ports.llm.ToolCall;
import dev.localgpt.server.HttpJson;
import dev.localgpt.server.SseWriter;

/**
 * A turn's events as the Rust LocalGPT streams them: {@code {"type":"session","session_id"}},
 * {@code {"type":"content","delta"}}, {@code {"type":"tool_start","name","id","detail"}}, {@code
 * {"type":"tool_end","name","id","output","warnings"}} (output cut to 500 characters), then {@code
 * {"type":"done"}} or {@code {"type":"error","error"}}, and {@code data: [DONE]}. A client that
 * goes away cancels the turn.
 */
final class SseChatEvents implements ChatStreamListener {
  static final int MAX_TOOL_OUTPUT = 500;

  private final SseWriter sse;

  SseChatEvents(SseWriter sse) {
    this.sse = sse;
  }

  void session(String sessionId) {
    sse.json(event("session").put("session_id", sessionId));
  }

  @Override
  public void onText(String delta) {
    sse.json(event("content").put("delta", delta));
  }

  @Override
  public void onToolStart(ToolCall call, String detail) {
    sse.json(
        event("tool_start").put("name", call.name()).put("id", call.id()).put("detail", detail));
  }

  @Override
  public void onToolEnd(ToolCall call, ToolOutcome outcome) {
    String output = outcome.text();
    if (output.length() > MAX_TOOL_OUTPUT) {
      output = output.substring(0, MAX_TOOL_OUTPUT);
    }
    ObjectNode end =
        event("tool_end").put("name", call.name()).put("id", call.id()).put("output", output);
    end.putArray("warnings");
    sse.json(end);
  }

  void done() {
    sse.json(event("done"));
    sse.done();
  }

  void error(String message) {
    sse.json(event("error").put("error", message));
    sse.done();
  }

  @Override
  public boolean isCancelled() {
    return sse.closed();
  }

  private static ObjectNode event(String type) {
    return HttpJson.object().put("type", type);
  }
}
