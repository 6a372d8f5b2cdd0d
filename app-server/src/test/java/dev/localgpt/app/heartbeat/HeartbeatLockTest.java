package dev.localgpt.app.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.heartbeat.HeartbeatLogEntry;
import dev.localgpt.core.heartbeat.HeartbeatOutcome;
import dev.localgpt.core.heartbeat.HeartbeatService;
import dev.localgpt.core.heartbeat.HeartbeatState;
import dev.localgpt.core.heartbeat.SkipReason;
import dev.localgpt.ports.llm.Usage;
import dev.localgpt.ports.schedule.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two heartbeats over the same files (as the daemon's scheduler and {@code localgpt heartbeat run}
 * are): while one runs, the other neither runs nor touches the state. Two holders in one JVM;
 * {@code HeartbeatLockIT} uses a second process.
 */
class HeartbeatLockTest {
  @TempDir Path home;
  final ManualClock clock = new ManualClock(Instant.parse("2026-06-10T08:00:00Z"));

  @BeforeEach
  void tasks() throws Exception {
    HeartbeatFilesTest.writeTasks(home);
  }

  HeartbeatService service(FakeAgent agent) {
    return HeartbeatFilesTest.service(home, clock, agent);
  }

  @Test
  void whileOneHeartbeatRunsTheOtherIsBusyAndLeavesTheStateAlone() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    FakeAgent slow =
        new FakeAgent(
            new Usage(100, 20),
            n -> {
              running.countDown();
              try {
                release.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return "The backup failed last night.";
            });
    FakeAgent other = new FakeAgent(new Usage(1, 1), n -> "HEARTBEAT_OK");
    HeartbeatService daemon = service(slow);
    HeartbeatService cli = service(other);

    CompletableFuture<?> scheduled = CompletableFuture.supplyAsync(daemon::tick);
    assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
    HeartbeatOutcome busy = cli.runOnce();
    assertThat(cli.tick()).as("a scheduled tick elsewhere waits for the next poll").isEmpty();
    release.countDown();
    scheduled.get(30, TimeUnit.SECONDS);

    assertThat(busy)
        .isInstanceOfSatisfying(
            HeartbeatOutcome.Skipped.class, s -> assertThat(s.reason()).isEqualTo(SkipReason.BUSY));
    assertThat(other.calls).hasValue(0);
    HeartbeatState state = JsonHeartbeatStore.in(home.resolve("data")).load();
    assertThat(state.tokensToday()).isEqualTo(120);
    assertThat(state.lastAlert())
        .hasValueSatisfying(a -> assertThat(a.text()).contains("backup failed"));
    assertThat(JsonlHeartbeatLog.in(home.resolve("logs")).recent(10))
        .extracting(HeartbeatLogEntry::reason)
        .containsExactlyInAnyOrder("busy", "alert");

    assertThat(cli.runOnce()).as("free again").isInstanceOf(HeartbeatOutcome.Ran.class);
    assertThat(other.calls).hasValue(1);
  }
}
