package dev.localgpt.app.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.heartbeat.HeartbeatState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonHeartbeatStoreTest {
  @TempDir Path home;

  @Test
  void theStateSurvivesARestartInAnOwnerOnlyFile() throws Exception {
    HeartbeatState state =
        new HeartbeatState(
            Optional.of(Instant.parse("2026-06-10T08:00:00Z")),
            Optional.of(Instant.parse("2026-06-10T08:30:00Z")),
            Optional.of(LocalDate.parse("2026-06-10")),
            4200,
            List.of(
                new HeartbeatState.SentAlert(
                    Instant.parse("2026-06-10T07:00:00Z"), "The backup failed.")));
    JsonHeartbeatStore.in(home.resolve("data")).save(state);
    assertThat(JsonHeartbeatStore.in(home.resolve("data")).load()).isEqualTo(state);
    Path file = home.resolve("data/heartbeat-state.json");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void aMissingOrDamagedFileLoadsAsTheInitialState() throws Exception {
    JsonHeartbeatStore store = JsonHeartbeatStore.in(home.resolve("data"));
    assertThat(store.load()).isEqualTo(HeartbeatState.INITIAL);
    Files.createDirectories(home.resolve("data"));
    Files.writeString(home.resolve("data/heartbeat-state.json"), "{\"next_due\": \"soon\"}");
    assertThat(store.load()).isEqualTo(HeartbeatState.INITIAL);
  }
}
