package dev.localgpt.core.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.ports.llm.ChatEvent;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.ModelException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailoverChatModelTest {
  private final MutableClock clock = new MutableClock();
  private final List<ChatEvent> events = new ArrayList<>();
  private final ChatListener listener = events::add;

  @Test
  void fallsBackOnRetriableFailureAndTellsTheUserOnce() {
    ScriptedModel first = new ScriptedModel("anthropic/a", new ModelException(Kind.RATE_LIMITED, "429"));
    ScriptedModel second = new ScriptedModel("ollama/b", "from b");
    var failover = new FailoverChatModel(List.of(first, second), Duration.ofSeconds(60), clock);

    var response = failover.chat(ScriptedModel.request(), listener);

    assertThat(response.model()).isEqualTo("ollama/b");
    assertThat(events).filteredOn(e -> e instanceof ChatEvent.Notice)
        .containsExactly(new ChatEvent.Notice("anthropic/a is rate limited; using ollama/b"));
  }

  @Test
  void skipsACandidateDuringItsCooldownAndTriesItAgainAfterwards() {
    ScriptedModel first = new ScriptedModel("anthropic/a", new ModelException(Kind.SERVER, "529"), "a back");
    ScriptedModel second = new ScriptedModel("ollama/b", "b1", "b2");
    var failover = new FailoverChatModel(List.of(first, second), Duration.ofSeconds(60), clock);

    failover.chat(ScriptedModel.request(), listener);
    clock.advance(Duration.ofSeconds(30));
    var during = failover.chat(ScriptedModel.request(), listener);
    clock.advance(Duration.ofSeconds(31));
    var after = failover.chat(ScriptedModel.request(), listener);

    assertThat(during.model()).isEqualTo("ollama/b");
    assertThat(first.calls).isEqualTo(2);
    assertThat(after.model()).isEqualTo("anthropic/a");
  }

  @Test
  void throwsBadRequestWithoutTryingOthers() {
    ScriptedModel first = new ScriptedModel("openai/a", new ModelException(Kind.BAD_REQUEST, "bad"));
    ScriptedModel second = new ScriptedModel("ollama/b", "b");
    var failover = new FailoverChatModel(List.of(first, second), Duration.ofSeconds(60), clock);

    assertThatThrownBy(() -> failover.chat(ScriptedModel.request(), listener)).hasMessage("bad");
    assertThat(second.calls).isZero();
  }

  @Test
  void throwsTheLastErrorWhenAllFail() {
    ScriptedModel first = new ScriptedModel("openai/a", new ModelException(Kind.NETWORK, "down"));
    ScriptedModel second = new ScriptedModel("ollama/b", new ModelException(Kind.TIMEOUT, "slow"));
    var failover = new FailoverChatModel(List.of(first, second), Duration.ofSeconds(60), clock);

    assertThatThrownBy(() -> failover.chat(ScriptedModel.request(), listener)).hasMessage("slow");
  }

  @Test
  void doesNotFailOverOnceTextWasStreamed() {
    ScriptedModel first = new ScriptedModel("openai/a",
        new ScriptedModel.PartialThenFail("par", new ModelException(Kind.NETWORK, "cut")));
    ScriptedModel second = new ScriptedModel("ollama/b", "b");
    var failover = new FailoverChatModel(List.of(first, second), Duration.ofSeconds(60), clock);

    assertThatThrownBy(() -> failover.chat(ScriptedModel.request(), listener)).hasMessage("cut");
    assertThat(second.calls).isZero();
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
