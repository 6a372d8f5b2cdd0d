package dev.localgpt.server.chat;

import dev.localgpt.core.chat.ChatService;
import dev.localgpt.core.chat.TurnResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One conversation held in memory by {@link LiveSessions}. Its {@link ChatService} runs one call at
 * a time, so two requests on the same session are serialised; the session is never evicted while a
 * request uses it.
 */
public final class LiveSession {
  private final ChatService chat;
  private final Clock clock;
  private final AtomicInteger busy = new AtomicInteger();
  private final AtomicLong inputTokens = new AtomicLong();
  private final AtomicLong outputTokens = new AtomicLong();
  private final AtomicLong turns = new AtomicLong();
  private volatile Instant lastUsed;

  LiveSession(ChatService chat, Clock clock) {
    this.chat = chat;
    this.clock = clock;
    this.lastUsed = clock.instant();
  }

  /** Runs {@code work} on the conversation, marking the session busy meanwhile. */
  public <T> T use(Function<ChatService, T> work) {
    busy.incrementAndGet();
    lastUsed = clock.instant();
    try {
      T result = work.apply(chat);
      if (result instanceof TurnResult turn) {
        inputTokens.addAndGet(turn.usage().inputTokens());
        outputTokens.addAndGet(turn.usage().outputTokens());
        turns.incrementAndGet();
      }
      return result;
    } finally {
      lastUsed = clock.instant();
      busy.decrementAndGet();
    }
  }

  /** The session id (it changes when the conversation is cleared). */
  public String id() {
    return chat.sessionId();
  }

  public ChatService chat() {
    return chat;
  }

  public boolean busy() {
    return busy.get() > 0;
  }

  public Duration idle() {
    Duration idle = Duration.between(lastUsed, clock.instant());
    return idle.isNegative() ? Duration.ZERO : idle;
  }

  /** Input tokens the model was sent by this server for this session. */
  public long inputTokens() {
    return inputTokens.get();
  }

  public long outputTokens() {
    return outputTokens.get();
  }

  /** Turns run by this server for this session. */
  public long turns() {
    return turns.get();
  }
}
