package dev.localgpt.core.heartbeat;

import dev.localgpt.core.config.ActiveHours;
import dev.localgpt.core.config.HeartbeatConfig;
import dev.localgpt.ports.schedule.Scheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Runs heartbeats: {@link #tick()} is what the scheduler calls (runs only when due, then inside the
 * policy), {@link #runOnce()} is {@code heartbeat run} (now, whatever the interval and active
 * hours, never when disabled). Every tick that is due ends as one {@link HeartbeatOutcome}, one
 * line in the run log and a saved state; nothing a run does (a model error, a timeout, a crash)
 * escapes, so the scheduler keeps going. One tick at a time.
 */
public final class HeartbeatService {
  /** How often {@link #start} lets the scheduler look at the clock (at most the interval). */
  public static final Duration POLL = Duration.ofMinutes(1);

  private static final System.Logger LOG = System.getLogger(HeartbeatService.class.getName());

  private final HeartbeatPolicy policy;
  private final Path workspace;
  private final HeartbeatAgent agent;
  private final HeartbeatStore store;
  private final HeartbeatLog log;
  private final Clock clock;
  private final List<Consumer<HeartbeatState.SentAlert>> alertListeners =
      new CopyOnWriteArrayList<>();

  /** The newest alert this service has delivered or seen (guarded by this). */
  private Instant knownAlert = Instant.MIN;

  public HeartbeatService(
      HeartbeatPolicy policy,
      Path workspace,
      HeartbeatAgent agent,
      HeartbeatStore store,
      HeartbeatLog log,
      Clock clock) {
    this.policy = Objects.requireNonNull(policy, "'policy' must not be null");
    this.workspace = Objects.requireNonNull(workspace, "'workspace' must not be null");
    this.agent = Objects.requireNonNull(agent, "'agent' must not be null");
    this.store = Objects.requireNonNull(store, "'store' must not be null");
    this.log = Objects.requireNonNull(log, "'log' must not be null");
    this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
  }

  /**
   * Calls {@code listener} (on the heartbeat's thread) for each new alert; duplicates within 24 h
   * are not sent. Once {@link #start started}, alerts of runs in other processes ({@code localgpt
   * heartbeat run} beside the daemon) are passed on too, at the next poll after they were saved.
   */
  public void onAlert(Consumer<HeartbeatState.SentAlert> listener) {
    alertListeners.add(Objects.requireNonNull(listener, "'listener' must not be null"));
  }

  /**
   * Starts ticking on {@code scheduler}: it polls the clock every minute (or every interval, when
   * shorter) and a tick runs when the persisted due time has passed, so a restart neither
   * double-fires nor skips, and a laptop that slept through several intervals runs once. Cancel the
   * result (or close the scheduler) to stop. With {@code heartbeat.enabled = false} nothing is
   * scheduled.
   */
  public Scheduler.Cancellable start(Scheduler scheduler) {
    if (!policy.config().enabled()) {
      return () -> {};
    }
    Duration interval = policy.config().interval();
    Duration poll = interval.compareTo(POLL) < 0 ? interval : POLL;
    synchronized (this) {
      knownAlert = store.load().lastAlert().map(HeartbeatState.SentAlert::at).orElse(Instant.MIN);
    }
    return scheduler.every(poll, Duration.ZERO, this::tickQuietly);
  }

  /**
   * The scheduler's entry: a tick when due, then alerts saved by other processes; nothing
   * unexpected is thrown.
   */
  private void tickQuietly() {
    try {
      tick();
      relayForeignAlert();
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "heartbeat tick failed: " + TimedRun.describe(e), e);
    }
  }

  /**
   * Delivers the newest saved alert when it is newer than any this service knows (another process
   * ran it).
   */
  private void relayForeignAlert() {
    Optional<HeartbeatState.SentAlert> last = store.load().lastAlert();
    HeartbeatState.SentAlert foreign = null;
    synchronized (this) {
      if (last.isPresent() && last.get().at().isAfter(knownAlert)) {
        knownAlert = last.get().at();
        foreign = last.get();
      }
    }
    if (foreign != null) {
      deliver(foreign);
    }
  }

  /**
   * A scheduled tick: does nothing before the due time; otherwise schedules the next one first,
   * then runs.
   */
  public synchronized Optional<HeartbeatOutcome> tick() {
    Optional<HeartbeatStore.Lease> lease = store.tryLock();
    if (lease.isEmpty()) {
      return Optional
          .empty(); // another process runs one now; the next poll looks at the state it leaves
    }
    try (HeartbeatStore.Lease held = lease.get()) {
      Instant now = clock.instant();
      HeartbeatState state = store.load();
      if (state.nextDue().isPresent() && now.isBefore(state.nextDue().get())) {
        return Optional.empty();
      }
      Instant next = policy.inActiveHours(now) ? policy.nextDue(now) : policy.windowOpensAfter(now);
      store.save(state.scheduled(now, next));
      return Optional.of(evaluate(now, false));
    }
  }

  /**
   * {@code heartbeat run}: one run now, ignoring the interval and the active hours (but not {@code
   * enabled}); skipped as {@link SkipReason#BUSY} when another run holds the heartbeat (the
   * daemon's, or another process's).
   */
  public synchronized HeartbeatOutcome runOnce() {
    Optional<HeartbeatStore.Lease> lease = store.tryLock();
    if (lease.isEmpty()) {
      HeartbeatOutcome busy =
          new HeartbeatOutcome.Skipped(clock.instant(), SkipReason.BUSY, "try again later");
      log.append(HeartbeatLogEntry.of(busy));
      return busy;
    }
    try (HeartbeatStore.Lease held = lease.get()) {
      return evaluate(clock.instant(), true);
    }
  }

  private HeartbeatOutcome evaluate(Instant now, boolean manual) {
    HeartbeatOutcome outcome =
        policy
            .gate(now, manual, store.load(), HeartbeatFile.read(workspace))
            .<HeartbeatOutcome>map(skipped -> skipped)
            .or(() -> withoutModel(now))
            .orElseGet(
                () ->
                    new TimedRun(agent, clock, policy.config().runTimeout())
                        .run(now, HeartbeatPrompt.forWorkspace(workspace)));
    HeartbeatOutcome recorded = record(outcome);
    log.append(HeartbeatLogEntry.of(recorded));
    return recorded;
  }

  private Optional<HeartbeatOutcome> withoutModel(Instant now) {
    return agent.hasModel()
        ? Optional.empty()
        : Optional.of(new HeartbeatOutcome.Skipped(now, SkipReason.NO_MODEL, ""));
  }

  /** Counts the tokens and decides whether a reply is a (new) alert. */
  private HeartbeatOutcome record(HeartbeatOutcome outcome) {
    if (!(outcome instanceof HeartbeatOutcome.Ran ran)) {
      return outcome;
    }
    HeartbeatState state = store.load().spent(policy.day(ran.at()), ran.tokens());
    Optional<String> alert = HeartbeatReply.alert(ran.reply());
    boolean duplicate = alert.isPresent() && state.alerted(alert.get(), ran.at());
    if (alert.isPresent() && !duplicate) {
      state = state.withAlert(alert.get(), ran.at());
    }
    store.save(state);
    if (alert.isPresent() && !duplicate) {
      deliver(state.lastAlert().orElseThrow());
    }
    return new HeartbeatOutcome.Ran(
        ran.at(), ran.model(), ran.tokens(), ran.duration(), ran.reply(), alert, duplicate);
  }

  private void deliver(HeartbeatState.SentAlert alert) {
    synchronized (this) {
      if (alert.at().isAfter(knownAlert)) {
        knownAlert = alert.at();
      }
    }
    for (Consumer<HeartbeatState.SentAlert> listener : alertListeners) {
      try {
        listener.accept(alert);
      } catch (RuntimeException e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "heartbeat alert listener failed: " + TimedRun.describe(e),
            e);
      }
    }
  }

  /** {@link #status(int)} with the last 10 runs. */
  public HeartbeatStatus status() {
    return status(10);
  }

  /** Enabled, next due, last runs ({@code recent} log entries), last alert, budget left. */
  public HeartbeatStatus status(int recent) {
    HeartbeatConfig config = policy.config();
    HeartbeatState state = store.load();
    Instant now = clock.instant();
    String hours =
        config
            .activeHours()
            .map(
                h ->
                    ActiveHours.formatTime(h.start())
                        + "–"
                        + ActiveHours.formatTime(h.end())
                        + " "
                        + policy.zone().getId())
            .orElse("all day");
    return new HeartbeatStatus(
        config.enabled(),
        config.interval(),
        hours,
        agent.modelName(),
        state.nextDue(),
        state.lastRun(),
        log.recent(recent),
        state.lastAlert(),
        state.tokensOn(policy.day(now)),
        policy.budgetLeft(now, state));
  }
}
