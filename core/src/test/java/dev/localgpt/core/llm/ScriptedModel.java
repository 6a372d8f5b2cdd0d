package dev.localgpt.core.llm;

import dev.localgpt.ports.llm.ChatEvent;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ChatResponse;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.StopReason;
import dev.localgpt.ports.llm.Usage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** A model that plays a script: each call takes the next step (an exception, or text to stream). */
final class ScriptedModel implements ChatModel {
  private final String id;
  private final Deque<Object> steps;
  int calls;

  ScriptedModel(String id, Object... steps) {
    this.id = id;
    this.steps = new ArrayDeque<>(List.of(steps));
  }

  /** A step that streams some text and then fails. */
  record PartialThenFail(String text, ModelException error) {}

  @Override
  public String id() {
    return id;
  }

  @Override
  public ChatResponse chat(ChatRequest request, ChatListener listener) {
    calls++;
    Object step = steps.isEmpty() ? "ok" : steps.poll();
    if (step instanceof ModelException e) {
      throw e;
    }
    if (step instanceof PartialThenFail p) {
      listener.onEvent(new ChatEvent.TextDelta(p.text()));
      throw p.error();
    }
    listener.onEvent(new ChatEvent.TextDelta((String) step));
    return new ChatResponse((String) step, List.of(), Usage.NONE, StopReason.END_TURN, id);
  }

  static ChatRequest request() {
    return ChatRequest.builder().addMessage(dev.localgpt.ports.llm.ChatMessage.user("hi")).build();
  }
}
