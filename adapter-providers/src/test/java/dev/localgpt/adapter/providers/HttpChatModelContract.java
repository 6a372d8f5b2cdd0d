package dev.localgpt.adapter.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.adapter.providers.Conversations.Recorder;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.ChatModelContract;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.StopReason;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The ports' {@link ChatModelContract} for the HTTP chat models, run against each provider's fake
 * server, plus what only a wire adapter can show: the model answers as its provider, and a whole
 * tool round trip (call → result → answer) goes over the wire.
 */
public abstract class HttpChatModelContract extends ChatModelContract {
  protected final FakeProviderServer server = new FakeProviderServer();

  /** The model under test, pointed at {@link #server}. */
  protected abstract ChatModel model();

  /** Enqueues a streamed text reply. */
  protected abstract void enqueueText();

  /** Enqueues a streamed reply with at least one tool call. */
  protected abstract void enqueueToolCall();

  /** The id prefix, e.g. {@code anthropic/}. */
  protected abstract String provider();

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Override
  protected final void nextRepliesWithText() {
    enqueueText();
  }

  @Override
  protected final void nextRepliesWithToolCall() {
    enqueueToolCall();
  }

  @Test
  void answersAsItsProvider() {
    enqueueText();

    var response = model().chat(Conversations.hello(), new Recorder());

    assertThat(response.model()).startsWith(provider());
    assertThat(response.usage().outputTokens()).isPositive();
    assertThat(model().id()).startsWith(provider());
  }

  @Test
  void aToolRoundTripGoesThrough() {
    enqueueToolCall();
    enqueueText();
    Recorder recorder = new Recorder();
    ChatRequest first =
        ChatRequest.builder()
            .addMessage(ChatMessage.user("Weather in Paris?"))
            .tools(List.of(Conversations.WEATHER))
            .build();

    var calling = model().chat(first, recorder);

    assertThat(calling.stopReason()).isEqualTo(StopReason.TOOL_USE);
    assertThat(calling.toolCalls()).isNotEmpty().isEqualTo(recorder.toolCalls());
    ChatRequest.Builder next =
        first.toBuilder().addMessage(ChatMessage.assistant(calling.text(), calling.toolCalls()));
    calling
        .toolCalls()
        .forEach(call -> next.addMessage(ChatMessage.toolResult(call, "18C, sunny")));

    var answer = model().chat(next.build(), new Recorder());

    assertThat(answer.text()).isNotEmpty();
    server.take();
    String secondBody = server.take().getBody().utf8();
    assertThat(secondBody).contains("18C, sunny").contains(calling.toolCalls().getFirst().name());
  }
}
