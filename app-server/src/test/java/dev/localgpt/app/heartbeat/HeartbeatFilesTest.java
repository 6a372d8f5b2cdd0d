package dev.localgpt.app.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.config.HeartbeatConfig;
import dev.localgpt.core.heartbeat.HeartbeatLogEntry;
import dev.localgpt.core.heartbeat.HeartbeatPolicy;
import dev.localgpt.core.heartbeat.HeartbeatService;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.Usage;
import dev.localgpt.ports.schedule.ManualClock;
import dev.localgpt.ports.schedule.Scheduler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heartbeat over its real files and the real scheduler, with a manual clock. */
class HeartbeatFilesTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final HeartbeatConfig ALL_DAY =
      new HeartbeatConfig(
          true,
          Duration.ofMinutes(30),
          Optional.empty(),
          Optional.of(BERLIN),
          Optional.empty(),
          0,
          Optional.empty());

  @TempDir Path home;
  final ManualClock clock = new ManualClock(Instant.parse("2026-06-10T08:00:00Z"));

  @BeforeEach
  void tasks() throws Exception {
    writeTasks(home);
  }

  HeartbeatService service(FakeAgent agent) {
    return service(home, clock, agent);
  }

  /** One open task in {@code home/workspace/HEARTBEAT.md}. */
  static void writeTasks(Path home) throws Exception {
    Files.createDirectories(home.resolve("workspace"));
    Files.writeString(home.resolve("workspace/HEARTBEAT.md"), "- [ ] Check the backups\n");
  }

  /** A heartbeat, active all day, over the workspace, state and log files under {@code home}. */
  static HeartbeatService service(Path home, Clock clock, FakeAgent agent) {
    return new HeartbeatService(
        new HeartbeatPolicy(ALL_DAY, BERLIN),
        home.resolve("workspace"),
        agent,
        JsonHeartbeatStore.in(home.resolve("data")),
        JsonlHeartbeatLog.in(home.resolve("logs")),
        clock);
  }

  @Test
  void aRestartNeitherDoubleFiresNorSkips() {
    FakeAgent agent = new FakeAgent(new Usage(10, 2), n -> "HEARTBEAT_OK");
    assertThat(service(agent).tick()).isPresent();
    clock.advance(Duration.ofMinutes(29));
    assertThat(service(agent).tick()).as("restarted before the next due time").isEmpty();
    clock.advance(Duration.ofMinutes(1));
    assertThat(service(agent).tick()).as("restarted at the due time").isPresent();
    assertThat(service(agent).tick()).isEmpty();
    assertThat(agent.calls).hasValue(2);
    assertThat(JsonlHeartbeatLog.in(home.resolve("logs")).recent(10)).hasSize(2);
  }

  @Test
  void aFailingModelLeavesTheScheduledHeartbeatAlive() throws Exception {
    CountDownLatch thirdCall = new CountDownLatch(1);
    FakeAgent agent =
        new FakeAgent(
            new Usage(10, 2),
            n -> {
              clock.advance(Duration.ofMinutes(30));
              if (n < 2) {
                throw new ModelException(ModelException.Kind.SERVER, "HTTP 503: overloaded");
              }
              thirdCall.countDown();
              return "HEARTBEAT_OK";
            });
    HeartbeatService service = service(agent);
    try (ExecutorScheduler executor = new ExecutorScheduler(clock)) {
      service.start(fastPolling(executor));
      assertThat(thirdCall.await(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(JsonlHeartbeatLog.in(home.resolve("logs")).recent(3))
        .extracting(HeartbeatLogEntry::reason)
        .startsWith("HTTP 503: overloaded", "HTTP 503: overloaded");
  }

  /** The real scheduler, polling every few milliseconds instead of every minute. */
  static Scheduler fastPolling(ExecutorScheduler executor) {
    return new Scheduler() {
      @Override
      public Clock clock() {
        return executor.clock();
      }

      @Override
      public Cancellable every(Duration interval, Duration initialDelay, Runnable task) {
        return executor.every(Duration.ofMillis(2), initialDelay, task);
      }

      @Override
      public void close() {
        executor.close();
      }
    };
  }
}
