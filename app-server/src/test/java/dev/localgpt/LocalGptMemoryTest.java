package dev.localgpt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.memory.MemoryHit;
import dev.localgpt.core.memory.SearchOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalGptMemoryTest {
  @TempDir Path home;

  @Test
  void libraryIndexesTheWorkspaceAndSearchesItKeywordOnly() throws Exception {
    Files.writeString(home.resolve("config.toml"), "[memory]\nembedding_provider = \"none\"\n");
    try (LocalGpt gpt = LocalGpt.builder().home(home).environment(Map.of()).build()) {
      Files.writeString(
          gpt.workspace().root().resolve("memory/2024-05-01.md"), "# Day\n\nPlanted tomatoes.\n");
      assertThat(gpt.memory().index().filesIndexed()).isPositive();
      List<MemoryHit> hits = gpt.memory().search("tomatoes", SearchOptions.limit(5));
      assertThat(hits).extracting(MemoryHit::path).containsExactly("memory/2024-05-01.md");
      assertThat(home.resolve("data/memory.sqlite")).isRegularFile();
    }
  }
}
