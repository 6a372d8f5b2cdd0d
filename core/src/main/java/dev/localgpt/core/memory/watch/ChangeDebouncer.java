package dev.localgpt.core.memory.watch;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Collects changed paths and releases them as one batch once the burst is over: when no change came
 * for the {@code quiet} period, or at the latest {@code maxDelay} after the first change of the
 * burst (so a file written every second still gets indexed). A batch holds every path of the burst,
 * each once, in the order first seen. Thread-safe; time comes from the injected {@link Clock}, so
 * tests drive it with a fake one.
 */
public final class ChangeDebouncer {
  /** The Rust LocalGPT's debounce. */
  public static final Duration DEFAULT_QUIET = Duration.ofSeconds(2);

  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(10);

  private final Duration quiet;
  private final Duration maxDelay;
  private final Clock clock;
  private final Set<Path> pending = new LinkedHashSet<>();
  private Instant firstChange;
  private Instant lastChange;

  public ChangeDebouncer(Duration quiet, Duration maxDelay, Clock clock) {
    if (quiet.isNegative() || quiet.isZero()) {
      throw new IllegalArgumentException("'quiet' must be > 0, was " + quiet);
    }
    if (maxDelay.compareTo(quiet) < 0) {
      throw new IllegalArgumentException(
          "'maxDelay' must be >= 'quiet' (" + quiet + "), was " + maxDelay);
    }
    this.quiet = quiet;
    this.maxDelay = maxDelay;
    this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
  }

  /** 2 s quiet, 10 s at most, on the system clock. */
  public static ChangeDebouncer standard() {
    return new ChangeDebouncer(DEFAULT_QUIET, DEFAULT_MAX_DELAY, Clock.systemUTC());
  }

  /** Records a change of {@code path} now. */
  public synchronized void changed(Path path) {
    Objects.requireNonNull(path, "'path' must not be null");
    Instant now = clock.instant();
    if (pending.isEmpty()) {
      firstChange = now;
    }
    pending.add(path);
    lastChange = now;
  }

  /** Whether changes wait to be released. */
  public synchronized boolean hasPending() {
    return !pending.isEmpty();
  }

  /**
   * How long until the pending batch is due: empty when nothing is pending, {@link Duration#ZERO}
   * when it is due now. A watcher waits for the next event at most this long.
   */
  public synchronized Optional<Duration> timeUntilDue() {
    if (pending.isEmpty()) {
      return Optional.empty();
    }
    Instant due = dueAt();
    Duration left = Duration.between(clock.instant(), due);
    return Optional.of(left.isNegative() ? Duration.ZERO : left);
  }

  /** The batch if it is due (and forgets it), else an empty list. */
  public synchronized List<Path> takeIfDue() {
    if (pending.isEmpty() || clock.instant().isBefore(dueAt())) {
      return List.of();
    }
    return takeAll();
  }

  /** Everything pending, due or not (e.g. on shutdown), and forgets it. */
  public synchronized List<Path> takeAll() {
    List<Path> batch = List.copyOf(pending);
    pending.clear();
    firstChange = null;
    lastChange = null;
    return batch;
  }

  private Instant dueAt() {
    Instant afterQuiet = lastChange.plus(quiet);
    Instant latest = firstChange.plus(maxDelay);
    return afterQuiet.isBefore(latest) ? afterQuiet : latest;
  }
}
