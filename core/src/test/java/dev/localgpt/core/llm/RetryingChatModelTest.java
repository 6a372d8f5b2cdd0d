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
import dev.localgpt.ports.llm.StopReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingChatModelTest {
  private static ChatRequest request() {
    return ChatRequest.builder().addMessage(ChatMessage.user("hi")).build();
  }

  private final List<Duration> slept = new ArrayList<>();
  private final RetryPolicy policy =
      new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));

  private RetryingChatModel retrying(ScriptedChatModel model) {
    return new RetryingChatModel(model, policy, (d, cancelled) -> slept.add(d), () -> 0.0);
  }

  @Test
  void retriesRetriableFailuresWithExponentialBackoffThenSucceeds() {
    ScriptedChatModel model =
        ScriptedChatModel.replying(
                Reply.failing(new ModelException(Kind.SERVER, "boom")),
                Reply.failing(new ModelException(Kind.TIMEOUT, "slow")),
                Reply.text("hello"))
            .named("m/x");

    var response = retrying(model).chat(request(), ChatListener.IGNORE);

    assertThat(response.text()).isEqualTo("hello");
    assertThat(model.requests()).hasSize(3);
    assertThat(slept).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
  }

  @Test
  void honoursRetryAfterInsteadOfBackoff() {
    ScriptedChatModel model =
        ScriptedChatModel.replying(
                Reply.failing(
                    new ModelException(Kind.RATE_LIMITED, "429", Duration.ofSeconds(7), null)),
                Reply.text("ok"))
            .named("m/x");

    retrying(model).chat(request(), ChatListener.IGNORE);

    assertThat(slept).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void givesUpWhenRetryAfterIsLongerThanTheCap() {
    ScriptedChatModel model =
        ScriptedChatModel.replying(
                Reply.failing(
                    new ModelException(Kind.RATE_LIMITED, "429", Duration.ofMinutes(5), null)),
                Reply.text("ok"))
            .named("m/x");

    assertThatThrownBy(() -> retrying(model).chat(request(), ChatListener.IGNORE))
        .isInstanceOf(ModelException.class);
    assertThat(model.requests()).hasSize(1);
  }

  @Test
  void doesNotRetryFinalErrors() {
    ScriptedChatModel model =
        ScriptedChatModel.replying(
                Reply.failing(new ModelException(Kind.AUTH, "bad key")), Reply.text("ok"))
            .named("m/x");

    assertThatThrownBy(() -> retrying(model).chat(request(), ChatListener.IGNORE))
        .hasMessage("bad key");
    assertThat(model.requests()).hasSize(1);
    assertThat(slept).isEmpty();
  }

  @Test
  void doesNotRetryOnceTextWasStreamed() {
    ScriptedChatModel model =
        ScriptedChatModel.replying(
                Reply.failingAfter("Hel", new ModelException(Kind.NETWORK, "cut")),
                Reply.text("ok"))
            .named("m/x");

    assertThatThrownBy(() -> retrying(model).chat(request(), ChatListener.IGNORE))
        .hasMessage("cut");
    assertThat(model.requests()).hasSize(1);
  }

  @Test
  void stopsAfterMaxAttempts() {
    ScriptedChatModel model =
        ScriptedChatModel.replying(
                Reply.failing(new ModelException(Kind.SERVER, "1")),
                Reply.failing(new ModelException(Kind.SERVER, "2")),
                Reply.failing(new ModelException(Kind.SERVER, "3")),
                Reply.text("ok"))
            .named("m/x");

    assertThatThrownBy(() -> retrying(model).chat(request(), ChatListener.IGNORE)).hasMessage("3");
    assertThat(model.requests()).hasSize(3);
  }

  @Test
  void aCancelDuringTheWaitEndsItWithACancelledResponseAndNoFurtherCall() {
    ScriptedChatModel model =
        ScriptedChatModel.replying(
                Reply.failing(
                    new ModelException(Kind.RATE_LIMITED, "429", Duration.ofSeconds(20), null)),
                Reply.text("ok"))
            .named("m/x");
    AtomicBoolean cancelled = new AtomicBoolean();
    ChatListener listener =
        new ChatListener() {
          @Override
          public void onEvent(ChatEvent event) {}

          @Override
          public boolean isCancelled() {
            return cancelled.get();
          }
        };
    Sleeper ctrlCWhileWaiting =
        (duration, isCancelled) -> {
          cancelled.set(true); // the user presses Ctrl-C during the Retry-After wait
          return !isCancelled.getAsBoolean();
        };

    var response =
        new RetryingChatModel(model, policy, ctrlCWhileWaiting, () -> 0.0)
            .chat(request(), listener);

    assertThat(response.stopReason()).isEqualTo(StopReason.CANCELLED);
    assertThat(model.requests()).hasSize(1);
  }

  @Test
  void theRealSleeperStopsWaitingWhenCancelledAndWaitsOutAShortDelay() throws InterruptedException {
    assertThat(Sleeper.REAL.sleep(Duration.ofHours(1), () -> true)).isFalse();
    AtomicInteger looks = new AtomicInteger();
    assertThat(Sleeper.REAL.sleep(Duration.ofHours(1), () -> looks.incrementAndGet() > 2))
        .as("looks again while waiting")
        .isFalse();
    assertThat(Sleeper.REAL.sleep(Duration.ofMillis(1), () -> false)).isTrue();
  }

  @Test
  void backoffIsCappedAndJittered() {
    assertThat(policy.backoff(10, 0.0)).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.backoff(10, 0.999)).isLessThan(Duration.ofSeconds(1));
    assertThat(policy.backoff(1, 0.5)).isEqualTo(Duration.ofMillis(75));
  }
}
