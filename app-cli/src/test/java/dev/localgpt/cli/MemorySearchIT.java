package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory commands with the real in-process MiniLM model: meaning is found without shared words.
 */
class MemorySearchIT {
  @TempDir Path home;

  @BeforeEach
  void workspace() throws Exception {
    Path notes = home.resolve("workspace/memory");
    Files.createDirectories(notes);
    Files.writeString(
        notes.resolve("2025-03-01.md"),
        "# Pets\n\nOur puppy Biscuit loves long walks in the park.\n");
    Files.writeString(
        notes.resolve("2025-03-02.md"), "# Work\n\nThe quarterly budget review moved to Friday.\n");
    Files.writeString(
        notes.resolve("2025-03-03.md"), "# Garden\n\nPlanted tomatoes and basil by the fence.\n");
  }

  @Test
  void vectorSearchFindsANoteByMeaningAlone() throws Exception {
    CliRun run =
        CliRun.run(
            home, "memory", "search", "which dog do we have", "-l", "3", "--json", "--explain");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode hits = new ObjectMapper().readTree(run.out()).get("hits");
    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).get("path").asText()).isEqualTo("memory/2025-03-01.md");
  }

  @Test
  void statsShowTheLocalModelAfterIndexing() {
    assertThat(CliRun.run(home, "memory", "reindex").exitCode()).isZero();
    CliRun stats = CliRun.run(home, "memory", "stats");
    assertThat(stats.out())
        .contains("all-minilm-l6-v2-q")
        .containsPattern("chunks: +(\\d+) \\(\\1 embedded\\)")
        .contains("memory/2025-03-01.md");
  }
}
