package dev.localgpt.ports.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChatModel} promises, run on each adapter (against a fake server replaying its
 * wire format) and on the {@link ScriptedChatModel} fake: streamed deltas add up to the reply text;
 * tool calls arrive as events and in the response with {@link StopReason#TOOL_USE}; a listener that
 * cancels stops the reply with {@link StopReason#CANCELLED}; the answering model is named {@code
 * provider/model}.
 */
public abstract class ChatModelContract {

  /** The model under test. */
  protected abstract ChatModel model();

  /** Makes the model's next call stream a text reply of more than one delta. */
  protected abstract void nextRepliesWithText();

  /** Makes the model's next call ask for at least one tool call. */
  protected abstract void nextRepliesWithToolCall();

  /** A request: a system prompt, one user message, the {@link #WEATHER} tool. */
  protected static ChatRequest request() {
    return ChatRequest.builder()
        .system("Be brief.")
        .addMessage(ChatMessage.user("Weather in Paris?"))
        .tools(List.of(WEATHER))
        .maxTokens(256)
        .build();
  }

  protected static final ToolSpec WEATHER =
      new ToolSpec(
          "get_weather",
          "Get the current weather for a location",
          JsonObject.builder()
              .put("type", "object")
              .put(
                  "properties",
                  JsonObject.builder().put("location", JsonObject.of("type", "string")).build())
              .build());

  /** Records events; cancels once {@code cancelAfterDeltas} deltas arrived. */
  protected static final class EventLog implements ChatListener {
    final List<ChatEvent> events = new ArrayList<>();
    final int cancelAfterDeltas;

    EventLog(int cancelAfterDeltas) {
      this.cancelAfterDeltas = cancelAfterDeltas;
    }

    @Override
    public void onEvent(ChatEvent event) {
      events.add(event);
    }

    @Override
    public boolean isCancelled() {
      return deltas().size() >= cancelAfterDeltas;
    }

    List<String> deltas() {
      return events.stream()
          .filter(e -> e instanceof ChatEvent.TextDelta)
          .map(e -> ((ChatEvent.TextDelta) e).text())
          .toList();
    }

    List<ToolCall> toolCalls() {
      return events.stream()
          .filter(e -> e instanceof ChatEvent.ToolCallReady)
          .map(e -> ((ChatEvent.ToolCallReady) e).call())
          .toList();
    }
  }

  @Test
  void deltasAddUpToTheReplyText() {
    nextRepliesWithText();
    EventLog recorder = new EventLog(Integer.MAX_VALUE);

    ChatResponse response = model().chat(request(), recorder);

    assertThat(recorder.deltas()).hasSizeGreaterThan(1);
    assertThat(response.text()).isNotEmpty().isEqualTo(String.join("", recorder.deltas()));
    assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
    assertThat(response.toolCalls()).isEmpty();
    assertThat(response.model()).contains("/");
    assertThat(model().id()).contains("/");
  }

  @Test
  void toolCallsArriveAsEventsAndInTheResponse() {
    nextRepliesWithToolCall();
    EventLog recorder = new EventLog(Integer.MAX_VALUE);

    ChatResponse response = model().chat(request(), recorder);

    assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
    assertThat(response.toolCalls()).isNotEmpty().isEqualTo(recorder.toolCalls());
    for (ToolCall call : response.toolCalls()) {
      assertThat(call.id()).isNotBlank();
      assertThat(call.name()).isNotBlank();
      assertThat(call.wellFormed()).isTrue();
    }
  }

  @Test
  void aListenerThatCancelsStopsTheReply() {
    nextRepliesWithText();
    EventLog recorder = new EventLog(1);

    ChatResponse response = model().chat(request(), recorder);

    assertThat(response.stopReason()).isEqualTo(StopReason.CANCELLED);
    assertThat(recorder.deltas()).hasSize(1);
  }
}
