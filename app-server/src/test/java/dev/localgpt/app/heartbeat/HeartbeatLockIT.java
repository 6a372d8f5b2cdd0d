package dev.localgpt.app.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.heartbeat.HeartbeatOutcome;
import dev.localgpt.core.heartbeat.HeartbeatPolicy;
import dev.localgpt.core.heartbeat.HeartbeatService;
import dev.localgpt.core.heartbeat.HeartbeatState;
import dev.localgpt.core.heartbeat.SkipReason;
import dev.localgpt.ports.llm.Usage;
import dev.localgpt.ports.schedule.ManualClock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The heartbeat lock across two real processes: while another process holds it, this one neither
 * runs nor ticks.
 */
class HeartbeatLockIT {
  @TempDir Path home;

  private Process holder() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            HoldHeartbeatLock.class.getName(),
            home.resolve("data").toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  @Test
  void anotherProcessHoldingTheLockMakesRunsBusyUntilItLetsGo() throws Exception {
    Files.createDirectories(home.resolve("workspace"));
    Files.writeString(home.resolve("workspace/HEARTBEAT.md"), "- [ ] Check the backups\n");
    ManualClock clock = new ManualClock(Instant.parse("2026-06-10T08:00:00Z"));
    FakeAgent agent = new FakeAgent(new Usage(10, 2), n -> "HEARTBEAT_OK");
    HeartbeatService heartbeat =
        new HeartbeatService(
            new HeartbeatPolicy(HeartbeatFilesTest.ALL_DAY, HeartbeatFilesTest.BERLIN),
            home.resolve("workspace"),
            agent,
            JsonHeartbeatStore.in(home.resolve("data")),
            JsonlHeartbeatLog.in(home.resolve("logs")),
            clock);

    Process other = holder();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("locked");

      assertThat(heartbeat.runOnce())
          .isInstanceOfSatisfying(
              HeartbeatOutcome.Skipped.class,
              s -> assertThat(s.reason()).isEqualTo(SkipReason.BUSY));
      assertThat(heartbeat.tick()).isEmpty();
      assertThat(JsonHeartbeatStore.in(home.resolve("data")).load())
          .isEqualTo(HeartbeatState.INITIAL);
    } finally {
      other.getOutputStream().close();
      assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(heartbeat.tick())
        .hasValueSatisfying(o -> assertThat(o).isInstanceOf(HeartbeatOutcome.Ran.class));
    assertThat(agent.calls).hasValue(1);
  }
}
