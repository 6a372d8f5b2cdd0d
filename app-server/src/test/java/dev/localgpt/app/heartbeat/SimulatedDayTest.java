package dev.localgpt.app.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.config.HeartbeatConfig;
import dev.localgpt.core.heartbeat.HeartbeatLogEntry;
import dev.localgpt.core.heartbeat.HeartbeatPolicy;
import dev.localgpt.core.heartbeat.HeartbeatService;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.Usage;
import dev.localgpt.ports.schedule.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day of heartbeats on the spring-forward day in Berlin, one scheduler poll per simulated minute:
 * the file has no tasks until 11:00, then alerts, a duplicate, a model error, a hang and the budget
 * running out. Prints the run log and writes it to {@code target/heartbeat-simulated-day.txt}.
 */
class SimulatedDayTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final String BACKUP = "The backup on the NAS failed last night; check the disk.";

  @TempDir Path home;

  @Test
  void aDayOfTicks() throws Exception {
    Path workspace = Files.createDirectories(home.resolve("workspace"));
    Files.writeString(
        workspace.resolve("HEARTBEAT.md"), "# HEARTBEAT.md\n\n<!-- add tasks below -->\n");
    Instant midnight = LocalDateTime.parse("2026-03-29T00:00").atZone(BERLIN).toInstant();
    ManualClock clock = new ManualClock(midnight);
    CountDownLatch never = new CountDownLatch(1);
    FakeAgent agent =
        new FakeAgent(
            new Usage(250, 50),
            n ->
                switch (n) {
                  case 1, 2 -> BACKUP;
                  case 4 ->
                      throw new ModelException(
                          ModelException.Kind.SERVER, "HTTP 503 from api.openai.com: overloaded");
                  case 6 -> {
                    try {
                      never.await();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                    throw new ModelException(ModelException.Kind.TIMEOUT, "cancelled");
                  }
                  case 8 -> "Disk /home is 95% full; consider emptying ~/Downloads.";
                  case 9 -> "Reminder: dentist appointment tomorrow at 08:30. HEARTBEAT_OK";
                  default -> "**HEARTBEAT_OK**";
                });
    HeartbeatConfig config =
        new HeartbeatConfig(
            true,
            Duration.ofMinutes(30),
            Optional.of(HeartbeatConfig.DEFAULT_ACTIVE_HOURS),
            Optional.of(BERLIN),
            Optional.empty(),
            4000,
            Optional.of(Duration.ofSeconds(2)));
    JsonlHeartbeatLog log = JsonlHeartbeatLog.in(home.resolve("logs"));
    HeartbeatService service =
        new HeartbeatService(
            new HeartbeatPolicy(config, BERLIN),
            workspace,
            agent,
            JsonHeartbeatStore.in(home.resolve("data")),
            log,
            clock);
    Instant tasksAdded = LocalDateTime.parse("2026-03-29T11:00").atZone(BERLIN).toInstant();
    Instant end = midnight.plus(Duration.ofHours(23)); // 24 local hours on this 23-hour day
    for (Instant now = midnight; now.isBefore(end); now = clock.instant()) {
      if (now.equals(tasksAdded)) {
        Files.writeString(
            workspace.resolve("HEARTBEAT.md"), "# Tasks\n- [ ] Check the backup report\n");
      }
      service.tick();
      clock.advance(Duration.ofMinutes(1));
    }

    List<HeartbeatLogEntry> day = log.recent(1000);
    List<String> lines = new ArrayList<>();
    for (HeartbeatLogEntry e : day) {
      lines.add(
          String.format(
              "%s  %-9s %-22s %-18s %5d tok %6d ms  %s",
              e.time().atZone(BERLIN).toLocalDateTime().toString().replace('T', ' '),
              e.status(),
              e.reason().length() > 22 ? e.reason().substring(0, 21) + "…" : e.reason(),
              e.model(),
              e.tokens(),
              e.durationMs(),
              e.preview().length() > 60 ? e.preview().substring(0, 59) + "…" : e.preview()));
    }
    String report = String.join("\n", lines) + "\n";
    System.out.print(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/heartbeat-simulated-day.txt"), report);

    Map<String, Long> byReason =
        day.stream()
            .collect(Collectors.groupingBy(HeartbeatLogEntry::reason, Collectors.counting()));
    assertThat(day.getFirst().reason()).isEqualTo("quiet-hours");
    assertThat(day.get(1).time()).isEqualTo(Instant.parse("2026-03-29T07:00:00Z")); // 09:00 CEST
    assertThat(byReason.get("empty-heartbeat-file")).isEqualTo(4); // 09:00 .. 10:30
    assertThat(byReason.get("alert")).isEqualTo(2);
    assertThat(byReason.get("duplicate-alert")).isEqualTo(1);
    assertThat(day).filteredOn(e -> e.status().equals("failed")).hasSize(1);
    assertThat(day).filteredOn(e -> e.status().equals("timed_out")).hasSize(1);
    assertThat(day.getLast().reason()).isEqualTo("budget-spent");
    assertThat(day.getLast().time().atZone(BERLIN).getHour()).isEqualTo(21);
    assertThat(agent.calls.get())
        .isEqualTo(day.stream().filter(e -> !e.status().equals("skipped")).count());
  }
}
