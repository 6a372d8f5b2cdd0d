package dev.localgpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.core.config.ConfigException;
import dev.localgpt.core.workspace.PathEscapeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's library snippet, as a test. */
class LocalGptTest {
  @TempDir Path temp;

  @Test
  void readmeSnippetWorks() {
    LocalGpt gpt = LocalGpt.builder().home(temp.resolve("lg")).environment(Map.of()).build();
    Path today = gpt.workspace().dailyNote(LocalDate.of(2026, 5, 1));
    Duration every = gpt.config().heartbeat().interval();
    Path safe = gpt.workspace().guard().resolve("memory/notes.md");
    assertThat(today).isEqualTo(temp.resolve("lg/workspace/memory/2026-05-01.md").toAbsolutePath());
    assertThat(every).isEqualTo(Duration.ofMinutes(30));
    assertThat(safe.startsWith(gpt.workspace().root())).isTrue();
    assertThatThrownBy(() -> gpt.workspace().guard().resolve("../config.toml"))
        .isInstanceOf(PathEscapeException.class);
  }

  @Test
  void invalidConfigListsEveryProblem() throws Exception {
    Files.createDirectories(temp);
    Files.writeString(
        temp.resolve("config.toml"), "[server]\nport = -1\n[logging]\nlevel = \"loud\"\n");
    assertThatThrownBy(() -> LocalGpt.builder().home(temp).environment(Map.of()).build())
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(2));
  }
}
