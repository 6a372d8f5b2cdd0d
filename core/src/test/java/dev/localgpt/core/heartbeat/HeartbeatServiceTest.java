package dev.localgpt.core.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.agent.AgentResult;
import dev.localgpt.core.chat.TurnResult;
import dev.localgpt.core.config.ActiveHours;
import dev.localgpt.core.config.HeartbeatConfig;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.Usage;
import dev.localgpt.ports.schedule.ManualClock;
import dev.localgpt.ports.schedule.Scheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatServiceTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @TempDir Path workspace;
  final ManualClock clock =
      new ManualClock(Instant.parse("2026-06-10T08:00:00Z")); // 10:00 in Berlin
  final MemoryHeartbeatStore store = new MemoryHeartbeatStore();
  final List<String> prompts = new ArrayList<>();

  @BeforeEach
  void tasks() throws Exception {
    Files.writeString(workspace.resolve("HEARTBEAT.md"), "# Tasks\n- [ ] Check the backups\n");
  }

  static HeartbeatConfig config(long budget, Duration timeout) {
    return new HeartbeatConfig(
        true,
        Duration.ofMinutes(30),
        Optional.of(HeartbeatConfig.DEFAULT_ACTIVE_HOURS),
        Optional.of(BERLIN),
        Optional.empty(),
        budget,
        Optional.of(timeout));
  }

  /** An agent that answers with {@code reply(n)} for the n-th call (from 0), 100 tokens each. */
  HeartbeatAgent agent(Function<Integer, String> reply) {
    return new HeartbeatAgent() {
      @Override
      public String modelName() {
        return "test/model";
      }

      @Override
      public TurnResult run(String prompt, BooleanSupplier cancelled) {
        int n = prompts.size();
        prompts.add(prompt);
        return new TurnResult(
            reply.apply(n),
            false,
            AgentResult.StopCause.COMPLETED,
            new Usage(80, 20),
            "test/model",
            0,
            "session-" + n,
            Optional.empty());
      }
    };
  }

  HeartbeatService service(HeartbeatConfig config, HeartbeatAgent agent) {
    return new HeartbeatService(
        new HeartbeatPolicy(config, BERLIN), workspace, agent, store, store, clock);
  }

  HeartbeatService service(Function<Integer, String> reply) {
    return service(config(0, Duration.ofMinutes(15)), agent(reply));
  }

  @Test
  void anEmptyFileSkipsWithoutCallingTheModel() throws Exception {
    Files.writeString(
        workspace.resolve("HEARTBEAT.md"), "# HEARTBEAT.md\n\n<!-- nothing yet -->\n- [ ]\n");
    HeartbeatOutcome outcome = service(n -> "HEARTBEAT_OK").runOnce();
    assertThat(outcome).isInstanceOf(HeartbeatOutcome.Skipped.class);
    assertThat(((HeartbeatOutcome.Skipped) outcome).reason()).isEqualTo(SkipReason.EMPTY_FILE);
    Files.delete(workspace.resolve("HEARTBEAT.md"));
    assertThat(service(n -> "HEARTBEAT_OK").tick())
        .get()
        .extracting(HeartbeatOutcome::status)
        .isEqualTo("skipped");
    assertThat(prompts).isEmpty();
    assertThat(store.all())
        .extracting(HeartbeatLogEntry::reason)
        .containsExactly("empty-heartbeat-file", "no-heartbeat-file");
  }

  @Test
  void aRunSendsTheHeartbeatPromptAndAnOkReplyIsNoAlert() throws Exception {
    HeartbeatOutcome outcome = service(n -> "**HEARTBEAT_OK**").runOnce();
    assertThat(prompts)
        .singleElement()
        .asString()
        .startsWith("Read HEARTBEAT.md if it exists")
        .doesNotContain("commit")
        .endsWith("reply HEARTBEAT_OK.");
    assertThat(outcome)
        .isInstanceOfSatisfying(
            HeartbeatOutcome.Ran.class,
            ran -> {
              assertThat(ran.alert()).isEmpty();
              assertThat(ran.tokens()).isEqualTo(100);
            });
    Files.createDirectory(workspace.resolve(".git"));
    service(n -> "HEARTBEAT_OK").runOnce();
    assertThat(prompts.get(1)).contains("commit the changes with a descriptive message");
    assertThat(store.all()).extracting(HeartbeatLogEntry::reason).containsExactly("ok", "ok");
  }

  @Test
  void theSameAlertIsReportedOnceIn24Hours() {
    List<HeartbeatState.SentAlert> delivered = new ArrayList<>();
    HeartbeatService service =
        service(n -> n == 2 ? "The disk is 95% full." : "The backup failed last night.");
    service.onAlert(delivered::add);
    service.runOnce();
    clock.advance(Duration.ofHours(1));
    service.runOnce();
    clock.advance(Duration.ofHours(1));
    service.runOnce();
    clock.advance(Duration.ofHours(23));
    service.runOnce();
    assertThat(store.all())
        .extracting(HeartbeatLogEntry::reason)
        .containsExactly("alert", "duplicate-alert", "alert", "alert");
    assertThat(delivered)
        .extracting(HeartbeatState.SentAlert::text)
        .containsExactly(
            "The backup failed last night.",
            "The disk is 95% full.",
            "The backup failed last night.");
    assertThat(service.status(5).lastAlert())
        .get()
        .extracting(HeartbeatState.SentAlert::text)
        .isEqualTo("The backup failed last night.");
  }

  @Test
  void onceTheDailyBudgetIsSpentRunsAreSkippedUntilTheNextDay() {
    HeartbeatService service =
        service(config(250, Duration.ofMinutes(15)), agent(n -> "HEARTBEAT_OK"));
    for (int i = 0; i < 4; i++) {
      service.runOnce();
      clock.advance(Duration.ofMinutes(30));
    }
    assertThat(prompts).hasSize(3);
    assertThat(store.all())
        .extracting(HeartbeatLogEntry::reason)
        .containsExactly("ok", "ok", "ok", "budget-spent");
    assertThat(store.all().getLast().preview()).isEqualTo("used 300 of 250 tokens on 2026-06-10");
    assertThat(service.status(10).budgetLeft()).contains(0L);
    clock.set(Instant.parse("2026-06-10T22:30:00Z")); // 00:30 on 2026-06-11 in Berlin
    assertThat(service.runOnce()).isInstanceOf(HeartbeatOutcome.Ran.class);
    assertThat(service.status(10).budgetLeft()).contains(150L);
  }

  @Test
  void aRunThatTakesLongerThanTheTimeoutIsCancelledAndRecorded() {
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger cancelledSeen = new AtomicInteger();
    HeartbeatAgent hanging =
        new HeartbeatAgent() {
          @Override
          public String modelName() {
            return "slow/model";
          }

          @Override
          public TurnResult run(String prompt, BooleanSupplier cancelled) {
            try {
              never.await();
            } catch (InterruptedException e) {
              if (cancelled.getAsBoolean()) {
                cancelledSeen.incrementAndGet();
              }
              Thread.currentThread().interrupt();
            }
            throw new ModelException(ModelException.Kind.TIMEOUT, "interrupted");
          }
        };
    HeartbeatOutcome outcome = service(config(0, Duration.ofMillis(50)), hanging).runOnce();
    assertThat(outcome)
        .isInstanceOfSatisfying(
            HeartbeatOutcome.TimedOut.class, t -> assertThat(t.model()).isEqualTo("slow/model"));
    assertThat(store.all())
        .singleElement()
        .satisfies(e -> assertThat(e.status()).isEqualTo("timed_out"))
        .satisfies(e -> assertThat(e.durationMs()).isEqualTo(50));
  }

  @Test
  void aFailingModelIsRecordedAndTheNextTickStillRuns() {
    HeartbeatAgent flaky =
        agent(
            n -> {
              if (n == 0) {
                throw new ModelException(ModelException.Kind.SERVER, "HTTP 500 from the provider");
              }
              if (n == 1) {
                throw new StackOverflowError();
              }
              return "HEARTBEAT_OK";
            });
    HeartbeatService service = service(config(0, Duration.ofMinutes(15)), flaky);
    List<HeartbeatOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      outcomes.add(service.tick().orElseThrow());
      clock.advance(Duration.ofMinutes(30));
    }
    assertThat(outcomes)
        .extracting(HeartbeatOutcome::status)
        .containsExactly("failed", "failed", "ran");
    assertThat(store.all())
        .extracting(HeartbeatLogEntry::reason)
        .containsExactly("HTTP 500 from the provider", "StackOverflowError", "ok");
  }

  @Test
  void ticksRunOnlyWhenDueAndARestartNeitherDoubleFiresNorSkips() {
    HeartbeatService first = service(n -> "HEARTBEAT_OK");
    assertThat(first.tick()).isPresent();
    clock.advance(Duration.ofMinutes(10));
    assertThat(first.tick()).isEmpty();
    HeartbeatService afterRestart = service(n -> "HEARTBEAT_OK");
    assertThat(afterRestart.tick()).isEmpty();
    clock.advance(Duration.ofMinutes(20));
    assertThat(afterRestart.tick()).isPresent();
    assertThat(afterRestart.tick()).isEmpty();
    assertThat(prompts).hasSize(2);
    assertThat(afterRestart.status(1).nextDue()).contains(Instant.parse("2026-06-10T09:00:00Z"));
  }

  @Test
  void aLaptopThatSleptThroughManyIntervalsRunsOnceOnWaking() {
    HeartbeatService service = service(n -> "HEARTBEAT_OK");
    service.tick();
    clock.advance(Duration.ofHours(5).plusMinutes(7));
    for (int i = 0; i < 10; i++) {
      service.tick();
    }
    assertThat(prompts).hasSize(2);
    assertThat(service.status(1).nextDue()).contains(clock.instant().plus(Duration.ofMinutes(30)));
  }

  @Test
  void quietHoursSkipOnceAndWaitForTheWindowToOpen() {
    clock.set(Instant.parse("2026-06-10T21:00:00Z")); // 23:00 in Berlin
    HeartbeatService service = service(n -> "HEARTBEAT_OK");
    assertThat(service.tick())
        .get()
        .isInstanceOfSatisfying(
            HeartbeatOutcome.Skipped.class,
            s -> assertThat(s.reason()).isEqualTo(SkipReason.QUIET_HOURS));
    assertThat(service.status(1).nextDue())
        .get()
        .extracting(i -> i.atZone(BERLIN).toLocalTime())
        .isEqualTo(LocalTime.of(9, 0));
    assertThat(service.runOnce()).isInstanceOf(HeartbeatOutcome.Ran.class);
  }

  @Test
  void withoutALanguageModelARunIsSkippedAndNothingIsAlerted() throws Exception {
    Files.writeString(workspace.resolve("HEARTBEAT.md"), "- [ ] Check the backup disk\n");
    HeartbeatAgent memoryOnly =
        new HeartbeatAgent() {
          @Override
          public String modelName() {
            return "memory-only/search";
          }

          @Override
          public boolean hasModel() {
            return false;
          }

          @Override
          public TurnResult run(String prompt, BooleanSupplier cancelled) {
            prompts.add(prompt);
            throw new AssertionError("a heartbeat without a model must not run the agent");
          }
        };
    HeartbeatService service = service(config(0, Duration.ofMinutes(15)), memoryOnly);

    assertThat(service.runOnce())
        .isInstanceOfSatisfying(
            HeartbeatOutcome.Skipped.class,
            s -> assertThat(s.reason()).isEqualTo(SkipReason.NO_MODEL));
    assertThat(prompts).isEmpty();
    assertThat(service.status().lastAlert()).isEmpty();
  }

  @Test
  void aDisabledHeartbeatNeverCallsTheModelAndIsNotScheduled() {
    HeartbeatService service =
        service(config(0, Duration.ofMinutes(15)).withEnabled(false), agent(n -> "HEARTBEAT_OK"));
    assertThat(service.runOnce())
        .isInstanceOfSatisfying(
            HeartbeatOutcome.Skipped.class,
            s -> assertThat(s.reason()).isEqualTo(SkipReason.DISABLED));
    List<Runnable> scheduled = new ArrayList<>();
    service.start(recording(scheduled));
    assertThat(scheduled).isEmpty();
    assertThat(prompts).isEmpty();
    assertThat(service.status(1).enabled()).isFalse();
  }

  @Test
  void theDaemonPassesOnAlertsThatAnotherProcessSavedOnceAndNotOlderOnes() {
    service(n -> "Old news: the printer is out of paper.").runOnce();
    HeartbeatService daemon = service(n -> "HEARTBEAT_OK");
    List<String> pushed = new ArrayList<>();
    daemon.onAlert(a -> pushed.add(a.text()));
    List<Runnable> poll = new ArrayList<>();
    daemon.start(recording(poll));
    clock.advance(Duration.ofMinutes(1));
    HeartbeatService cli = service(n -> "The backup of last night failed.");

    cli.runOnce();
    assertThat(pushed).as("not before the daemon's next poll").isEmpty();
    poll.getFirst().run();
    poll.getFirst().run();

    assertThat(pushed).containsExactly("The backup of last night failed.");
  }

  @Test
  void statusShowsTheWindowTheModelAndTheLastRuns() {
    HeartbeatService service = service(n -> "HEARTBEAT_OK");
    service.runOnce();
    HeartbeatStatus status = service.status(5);
    assertThat(status.activeHours())
        .isEqualTo(ActiveHours.formatTime(LocalTime.of(9, 0)) + "–22:00 Europe/Berlin");
    assertThat(status.model()).isEqualTo("test/model");
    assertThat(status.recent()).hasSize(1);
    assertThat(status.budgetLeft()).isEmpty();
    assertThat(status.tokensToday()).isEqualTo(100);
  }

  /** A scheduler on the test's clock that only collects the tasks it is given. */
  private Scheduler recording(List<Runnable> tasks) {
    return new Scheduler() {
      @Override
      public java.time.Clock clock() {
        return clock;
      }

      @Override
      public Cancellable every(Duration interval, Duration initialDelay, Runnable task) {
        tasks.add(task);
        return () -> {};
      }

      @Override
      public void close() {}
    };
  }
}
