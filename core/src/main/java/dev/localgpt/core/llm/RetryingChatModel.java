package dev.localgpt.core.llm;

import dev.localgpt.ports.llm.ChatEvent;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ChatResponse;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.StopReason;
import dev.localgpt.ports.llm.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Retries a model on retriable failures (rate limit, timeout, server, network) with exponential
 * backoff and jitter, honouring the server's {@code Retry-After}. Never retries once output reached
 * the listener: the user would see it twice. The wait between attempts ends early when the listener
 * cancels (Ctrl-C), with a {@link StopReason#CANCELLED} response.
 */
public final class RetryingChatModel implements ChatModel {
  private final ChatModel delegate;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  public RetryingChatModel(ChatModel delegate, RetryPolicy policy) {
    this(delegate, policy, Sleeper.REAL, () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * @param random supplies jitter in [0, 1)
   */
  public RetryingChatModel(
      ChatModel delegate, RetryPolicy policy, Sleeper sleeper, DoubleSupplier random) {
    this.delegate = Objects.requireNonNull(delegate, "'delegate' must not be null");
    this.policy = Objects.requireNonNull(policy, "'policy' must not be null");
    this.sleeper = Objects.requireNonNull(sleeper, "'sleeper' must not be null");
    this.random = Objects.requireNonNull(random, "'random' must not be null");
  }

  @Override
  public String id() {
    return delegate.id();
  }

  @Override
  public int contextWindow() {
    return delegate.contextWindow();
  }

  @Override
  public ChatResponse chat(ChatRequest request, ChatListener listener) {
    for (int attempt = 1; ; attempt++) {
      OutputTracker tracker = new OutputTracker(listener);
      try {
        return delegate.chat(request, tracker);
      } catch (ModelException e) {
        if (!e.kind().retriable()
            || tracker.sawOutput
            || attempt >= policy.maxAttempts()
            || listener.isCancelled()) {
          throw e;
        }
        Duration wait = policy.backoff(attempt, random.getAsDouble());
        if (e.retryAfter().isPresent()) {
          Duration retryAfter = e.retryAfter().get();
          if (retryAfter.compareTo(policy.maxRetryAfter()) > 0) {
            throw e;
          }
          wait = retryAfter;
        }
        try {
          if (!sleeper.sleep(wait, listener::isCancelled)) {
            return new ChatResponse("", List.of(), Usage.NONE, StopReason.CANCELLED, delegate.id());
          }
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Forwards events and remembers whether any output went out. */
  static final class OutputTracker implements ChatListener {
    private final ChatListener target;
    boolean sawOutput;

    OutputTracker(ChatListener target) {
      this.target = target;
    }

    @Override
    public void onEvent(ChatEvent event) {
      if (!(event instanceof ChatEvent.Notice)) {
        sawOutput = true;
      }
      target.onEvent(event);
    }

    @Override
    public boolean isCancelled() {
      return target.isCancelled();
    }
  }
}
