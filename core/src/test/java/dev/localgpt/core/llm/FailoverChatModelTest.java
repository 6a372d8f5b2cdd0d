package dev.localgpt.core.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.ports.llm.ChatEvent;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.ModelException.Kind;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailoverChatModelTest {
  private static ChatRequest request() {
    return ChatRequest.builder().addMessage(ChatMessage.user("hi")).build();
  }

  private final MutableClock clock = new MutableClock();
  private final List<ChatEvent> events = new ArrayList<>();
  private final ChatListener listener = events::add;

  @Test
  void fallsBackOnRetriableFailureAndTellsTheUserOnce() {
    ScriptedChatModel first =
        ScriptedChatModel.replying(Reply.failing(new ModelException(Kind.RATE_LIMITED, "429")))
            .named("anthropic/a");
    ScriptedChatModel second = ScriptedChatModel.replying(Reply.text("from b")).named("ollama/b");
    var failover = new FailoverChatModel(List.of(first, second), Duration.ofSeconds(60), clock);

    var response = failover.chat(request(), listener);

    assertThat(response.model()).isEqualTo("ollama/b");
    assertThat(events)
        .filteredOn(e -> e instanceof ChatEvent.Notice)
        .containsExactly(new ChatEvent.Notice("anthropic/a is rate limited; using ollama/b"));
  }

  @Test
  void skipsACandidateDuringItsCooldownAndTriesItAgainAfterwards() {
    ScriptedChatModel first =
        ScriptedChatModel.replying(
                Reply.failing(new ModelException(Kind.SERVER, "529")), Reply.text("a back"))
            .named("anthropic/a");
    ScriptedChatModel second =
        ScriptedChatModel.replying(Reply.text("b1"), Reply.text("b2")).named("ollama/b");
    var failover = new FailoverChatModel(List.of(first, second), Duration.ofSeconds(60), clock);

    failover.chat(request(), listener);
    clock.advance(Duration.ofSeconds(30));
    var during = failover.chat(request(), listener);
    clock.advance(Duration.ofSeconds(31));
    var after = failover.chat(request(), listener);

    assertThat(during.model()).isEqualTo("ollama/b");
    assertThat(first.requests()).hasSize(2);
    assertThat(after.model()).isEqualTo("anthropic/a");
  }

  @Test
  void throwsBadRequestWithoutTryingOthers() {
    ScriptedChatModel first =
        ScriptedChatModel.replying(Reply.failing(new ModelException(Kind.BAD_REQUEST, "bad")))
            .named("openai/a");
    ScriptedChatModel second = ScriptedChatModel.replying(Reply.text("b")).named("ollama/b");
    var failover = new FailoverChatModel(List.of(first, second), Duration.ofSeconds(60), clock);

    assertThatThrownBy(() -> failover.chat(request(), listener)).hasMessage("bad");
    assertThat(second.requests()).isEmpty();
  }

  @Test
  void throwsTheLastErrorWhenAllFail() {
    ScriptedChatModel first =
        ScriptedChatModel.replying(Reply.failing(new ModelException(Kind.NETWORK, "down")))
            .named("openai/a");
    ScriptedChatModel second =
        ScriptedChatModel.replying(Reply.failing(new ModelException(Kind.TIMEOUT, "slow")))
            .named("ollama/b");
    var failover = new FailoverChatModel(List.of(first, second), Duration.ofSeconds(60), clock);

    assertThatThrownBy(() -> failover.chat(request(), listener)).hasMessage("slow");
  }

  @Test
  void doesNotFailOverOnceTextWasStreamed() {
    ScriptedChatModel first =
        ScriptedChatModel.replying(
                Reply.failingAfter("par", new ModelException(Kind.NETWORK, "cut")))
            .named("openai/a");
    ScriptedChatModel second = ScriptedChatModel.replying(Reply.text("b")).named("ollama/b");
    var failover = new FailoverChatModel(List.of(first, second), Duration.ofSeconds(60), clock);

    assertThatThrownBy(() -> failover.chat(request(), listener)).hasMessage("cut");
    assertThat(second.requests()).isEmpty();
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
