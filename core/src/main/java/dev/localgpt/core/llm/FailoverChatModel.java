package dev.localgpt.core.llm;

import dev.localgpt.ports.llm.ChatEvent;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ChatResponse;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.ModelException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tries ordered candidates (possibly across providers). A candidate that fails with a retriable
 * error cools down for a while and is skipped meanwhile; AUTH, UNKNOWN_MODEL and NOT_CONFIGURED
 * also move on (another provider may work) but cause no cooldown; BAD_REQUEST and INVALID_RESPONSE
 * are thrown at once. When a fallback answers, the listener gets one {@link ChatEvent.Notice}. No
 * failover once output reached the listener.
 */
public final class FailoverChatModel implements ChatModel {
  private static final System.Logger LOG = System.getLogger(FailoverChatModel.class.getName());

  private final List<ChatModel> candidates;
  private final Duration cooldown;
  private final Clock clock;
  private final Map<String, Instant> coolingUntil = new ConcurrentHashMap<>();

  public FailoverChatModel(List<ChatModel> candidates, Duration cooldown, Clock clock) {
    this.candidates = List.copyOf(candidates);
    if (this.candidates.isEmpty()) {
      throw new IllegalArgumentException("'candidates' must not be empty");
    }
    this.cooldown = Objects.requireNonNull(cooldown, "'cooldown' must not be null");
    this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
  }

  @Override
  public String id() {
    return candidates.getFirst().id();
  }

  @Override
  public int contextWindow() {
    return candidates.getFirst().contextWindow();
  }

  @Override
  public ChatResponse chat(ChatRequest request, ChatListener listener) {
    Instant now = clock.instant();
    List<ChatModel> order = new ArrayList<>();
    List<ChatModel> cooling = new ArrayList<>();
    for (ChatModel candidate : candidates) {
      Instant until = coolingUntil.get(candidate.id());
      (until != null && now.isBefore(until) ? cooling : order).add(candidate);
    }
    order.addAll(cooling);
    ModelException last = null;
    boolean noticed = false;
    for (ChatModel candidate : order) {
      if (!noticed && candidate != candidates.getFirst()) {
        String why = last == null ? "is cooling down after an error" : describe(last.kind());
        String notice = candidates.getFirst().id() + " " + why + "; using " + candidate.id();
        LOG.log(System.Logger.Level.INFO, notice);
        listener.onEvent(new ChatEvent.Notice(notice));
        noticed = true;
      }
      RetryingChatModel.OutputTracker tracker = new RetryingChatModel.OutputTracker(listener);
      try {
        ChatResponse response = candidate.chat(request, tracker);
        coolingUntil.remove(candidate.id());
        return response;
      } catch (ModelException e) {
        if (tracker.sawOutput || !movesOn(e.kind()) || listener.isCancelled()) {
          throw e;
        }
        if (e.kind().retriable()) {
          coolingUntil.put(candidate.id(), clock.instant().plus(cooldown));
        }
        last = e;
      }
    }
    throw last;
  }

  private static boolean movesOn(Kind kind) {
    return kind.retriable()
        || kind == Kind.AUTH
        || kind == Kind.UNKNOWN_MODEL
        || kind == Kind.NOT_CONFIGURED;
  }

  private static String describe(Kind kind) {
    return switch (kind) {
      case RATE_LIMITED -> "is rate limited";
      case TIMEOUT -> "timed out";
      case SERVER -> "had a server error";
      case NETWORK -> "is unreachable";
      case AUTH -> "was refused (auth)";
      case UNKNOWN_MODEL -> "is unknown to its provider";
      default -> "is not configured";
    };
  }
}
