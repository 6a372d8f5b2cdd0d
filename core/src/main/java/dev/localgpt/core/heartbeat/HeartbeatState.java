package dev.localgpt.core.heartbeat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the heartbeat remembers between ticks and restarts.
 *
 * @param lastRun when the last scheduled tick happened
 * @param nextDue when the next scheduled tick is due (empty: now)
 * @param budgetDay the day (in the heartbeat's zone) that {@code tokensToday} counts
 * @param tokensToday tokens spent on that day
 * @param alerts alerts reported in the last 24 hours, oldest first
 */
public record HeartbeatState(
    Optional<Instant> lastRun,
    Optional<Instant> nextDue,
    Optional<LocalDate> budgetDay,
    long tokensToday,
    List<SentAlert> alerts) {
  public static final HeartbeatState INITIAL =
      new HeartbeatState(Optional.empty(), Optional.empty(), Optional.empty(), 0, List.of());

  /** How long a reported alert suppresses the same text. */
  public static final Duration DEDUPE_WINDOW = Duration.ofHours(24);

  /** An alert as reported. */
  public record SentAlert(Instant at, String text) {
    public SentAlert {
      Objects.requireNonNull(at, "'at' must not be null");
      Objects.requireNonNull(text, "'text' must not be null");
    }
  }

  public HeartbeatState {
    Objects.requireNonNull(lastRun, "'lastRun' must not be null");
    Objects.requireNonNull(nextDue, "'nextDue' must not be null");
    Objects.requireNonNull(budgetDay, "'budgetDay' must not be null");
    alerts = List.copyOf(alerts);
  }

  /** Tokens spent on {@code day}. */
  public long tokensOn(LocalDate day) {
    return budgetDay.filter(day::equals).isPresent() ? tokensToday : 0;
  }

  HeartbeatState scheduled(Instant ran, Instant due) {
    return new HeartbeatState(Optional.of(ran), Optional.of(due), budgetDay, tokensToday, alerts);
  }

  HeartbeatState spent(LocalDate day, long tokens) {
    return new HeartbeatState(lastRun, nextDue, Optional.of(day), tokensOn(day) + tokens, alerts);
  }

  /** Whether {@code text} was reported within the dedupe window before {@code now}. */
  boolean alerted(String text, Instant now) {
    return alerts.stream()
        .anyMatch(a -> a.text().equals(text) && a.at().isAfter(now.minus(DEDUPE_WINDOW)));
  }

  HeartbeatState withAlert(String text, Instant now) {
    List<SentAlert> kept = new ArrayList<>();
    for (SentAlert a : alerts) {
      if (a.at().isAfter(now.minus(DEDUPE_WINDOW))) {
        kept.add(a);
      }
    }
    kept.add(new SentAlert(now, text));
    return new HeartbeatState(lastRun, nextDue, budgetDay, tokensToday, kept);
  }

  /** The most recent reported alert. */
  public Optional<SentAlert> lastAlert() {
    return alerts.isEmpty() ? Optional.empty() : Optional.of(alerts.getLast());
  }
}
