package dev.localgpt.app.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.heartbeat.HeartbeatLogEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlHeartbeatLogTest {
  @TempDir Path home;

  static HeartbeatLogEntry entry(int n) {
    return new HeartbeatLogEntry(
        Instant.parse("2026-06-10T08:00:00Z").plusSeconds(60L * n),
        "ran",
        "ok",
        "openai/gpt-4o-mini",
        120 + n,
        900,
        "HEARTBEAT_OK " + n);
  }

  @Test
  void entriesComeBackInOrderFromAnOwnerOnlyFile() throws Exception {
    JsonlHeartbeatLog log = JsonlHeartbeatLog.in(home.resolve("logs"));
    for (int i = 0; i < 5; i++) {
      log.append(entry(i));
    }
    assertThat(log.recent(3)).containsExactly(entry(2), entry(3), entry(4));
    assertThat(Files.readAllLines(log.file()).getFirst())
        .isEqualTo(
            "{\"time\":\"2026-06-10T08:00:00Z\","
                + "\"status\":\"ran\",\"reason\":\"ok\",\"model\":\"openai/gpt-4o-mini\",\"tokens\":120,"
                + "\"duration_ms\":900,\"preview\":\"HEARTBEAT_OK 0\"}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log.file())))
        .isEqualTo("rw-------");
  }

  @Test
  void theLogIsRotatedAtItsCapSoItCannotGrowWithoutBound() throws Exception {
    JsonlHeartbeatLog log = new JsonlHeartbeatLog(home.resolve("logs/heartbeat.jsonl"), 1000);
    for (int i = 0; i < 200; i++) {
      log.append(entry(i));
    }
    long total = Files.size(log.file()) + Files.size(home.resolve("logs/heartbeat.jsonl.1"));
    assertThat(total).isLessThan(2400);
    assertThat(log.recent(8)).endsWith(entry(199)).hasSize(8);
    assertThat(log.recent(8).getFirst()).isEqualTo(entry(192));
  }

  @Test
  void damagedLinesAreSkipped() throws Exception {
    JsonlHeartbeatLog log = JsonlHeartbeatLog.in(home.resolve("logs"));
    log.append(entry(1));
    Files.writeString(
        log.file(), "{not json\n{\"time\":\"yesterday\"}\n", StandardOpenOption.APPEND);
    log.append(entry(2));
    assertThat(log.recent(10)).containsExactly(entry(1), entry(2));
  }
}
