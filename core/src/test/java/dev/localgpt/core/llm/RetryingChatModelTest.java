package dev.localgpt.core.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.ports.llm.ChatEvent;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.ModelException.Kind;
import dev.localgpt.ports.llm.StopReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingChatModelTest {
  private final List<Duration> slept = new ArrayList<>();
  private final RetryPolicy policy =
      new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));

  private RetryingChatModel retrying(ScriptedModel model) {
    return new RetryingChatModel(model, policy, (d, cancelled) -> slept.add(d), () -> 0.0);
  }

  @Test
  void retriesRetriableFailuresWithExponentialBackoffThenSucceeds() {
    ScriptedModel model = new ScriptedModel("m/x",
        new ModelException(Kind.SERVER, "boom"), new ModelException(Kind.TIMEOUT, "slow"), "hello");

    var response = retrying(model).chat(ScriptedModel.request(), ChatListener.IGNORE);

    assertThat(response.text()).isEqualTo("hello");
    assertThat(model.calls).isEqualTo(3);
    assertThat(slept).containsExactly(Duration.ofMillis(50), Duration.ofMillis(100));
  }

  @Test
  void honoursRetryAfterInsteadOfBackoff() {
    ScriptedModel model = new ScriptedModel("m/x",
        new ModelException(Kind.RATE_LIMITED, "429", Duration.ofSeconds(7), null), "ok");

    retrying(model).chat(ScriptedModel.request(), ChatListener.IGNORE);

    assertThat(slept).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void givesUpWhenRetryAfterIsLongerThanTheCap() {
    ScriptedModel model = new ScriptedModel("m/x",
        new ModelException(Kind.RATE_LIMITED, "429", Duration.ofMinutes(5), null), "ok");

    assertThatThrownBy(() -> retrying(model).chat(ScriptedModel.request(), ChatListener.IGNORE))
        .isInstanceOf(ModelException.class);
    assertThat(model.calls).isEqualTo(1);
  }

  @Test
  void doesNotRetryFinalErrors() {
    ScriptedModel model = new ScriptedModel("m/x", new ModelException(Kind.AUTH, "bad key"), "ok");

    assertThatThrownBy(() -> retrying(model).chat(ScriptedModel.request(), ChatListener.IGNORE))
        .hasMessage("bad key");
    assertThat(model.calls).isEqualTo(1);
    assertThat(slept).isEmpty();
  }

  @Test
  void doesNotRetryOnceTextWasStreamed() {
    ScriptedModel model = new ScriptedModel("m/x",
        new ScriptedModel.PartialThenFail("Hel", new ModelException(Kind.NETWORK, "cut")), "ok");

    assertThatThrownBy(() -> retrying(model).chat(ScriptedModel.request(), ChatListener.IGNORE))
        .hasMessage("cut");
    assertThat(model.calls).isEqualTo(1);
  }

  @Test
  void stopsAfterMaxAttempts() {
    ScriptedModel model = new ScriptedModel("m/x", new ModelException(Kind.SERVER, "1"),
        new ModelException(Kind.SERVER, "2"), new ModelException(Kind.SERVER, "3"), "ok");

    assertThatThrownBy(() -> retrying(model).chat(ScriptedModel.request(), ChatListener.IGNORE))
        .hasMessage("3");
    assertThat(model.calls).isEqualTo(3);
  }

  @Test
  void aCancelDuringTheWaitEndsItWithACancelledResponseAndNoFurtherCall() {
    ScriptedModel model = new ScriptedModel("m/x",
        new ModelException(Kind.RATE_LIMITED, "429", Duration.ofSeconds(20), null), "ok");
    AtomicBoolean cancelled = new AtomicBoolean();
    ChatListener listener = new ChatListener() {
      @Override
      public void onEvent(ChatEvent event) {}

      @Override
      public boolean isCancelled() {
        return cancelled.get();
      }
    };
    Sleeper ctrlCWhileWaiting = (duration, isCancelled) -> {
      cancelled.set(true); // the user presses Ctrl-C during the Retry-After wait
      return !isCancelled.getAsBoolean();
    };

    var response = new RetryingChatModel(model, policy, ctrlCWhileWaiting, () -> 0.0)
        .chat(ScriptedModel.request(), listener);

    assertThat(response.stopReason()).isEqualTo(StopReason.CANCELLED);
    assertThat(model.calls).isEqualTo(1);
  }

  @Test
  void theRealSleeperStopsWaitingWhenCancelledAndWaitsOutAShortDelay() throws InterruptedException {
    assertThat(Sleeper.REAL.sleep(Duration.ofHours(1), () -> true)).isFalse();
    AtomicInteger looks = new AtomicInteger();
    assertThat(Sleeper.REAL.sleep(Duration.ofHours(1), () -> looks.incrementAndGet() > 2))
        .as("looks again while waiting").isFalse();
    assertThat(Sleeper.REAL.sleep(Duration.ofMillis(1), () -> false)).isTrue();
  }

  @Test
  void backoffIsCappedAndJittered() {
    assertThat(policy.backoff(10, 0.0)).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.backoff(10, 0.999)).isLessThan(Duration.ofSeconds(1));
    assertThat(policy.backoff(1, 0.5)).isEqualTo(Duration.ofMillis(75));
  }
}
