package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory commands on a temporary home, keyword-only ({@code embedding_provider = "none"}), no
 * model.
 */
class MemoryCommandTest {
  @TempDir Path home;
  Path ws;

  @BeforeEach
  void workspace() throws Exception {
    Files.writeString(
        home.resolve("config.toml"),
        "[memory]\nembedding_provider = \"none\"\n" + "isolated_silos = [\"secret\"]\n");
    ws = home.resolve("workspace");
    assertThat(CliRun.run(home, "workspace", "init").exitCode()).isZero();
    Files.createDirectories(ws.resolve("memory"));
    Files.createDirectories(ws.resolve("knowledge/recipes"));
    Files.createDirectories(ws.resolve("knowledge/secret"));
    Files.writeString(ws.resolve("MEMORY.md"), "# Facts\n\nThe user's cat is called Pixel.\n");
    Files.writeString(
        ws.resolve("memory/2024-01-01.md"), "# Day\n\nBought a kayak.\n\nPaddled on the lake.\n\n");
    Files.writeString(ws.resolve("memory/2024-01-02.md"), "# Day\n\nFixed the bike.\n");
    Files.setLastModifiedTime(
        ws.resolve("memory/2024-01-01.md"), FileTime.fromMillis(1_000_000_000_000L));
    Files.writeString(
        ws.resolve("knowledge/recipes/soup.md"), "# Soup\n\nLentil soup with cumin and lemon.\n");
    Files.writeString(
        ws.resolve("knowledge/secret/plan.md"), "# Plan\n\nThe lentil surprise party.\n");
  }

  @Test
  void reindexReportsWhatItDidThenFindsNothingChanged() throws Exception {
    int files = markdownFiles();
    CliRun first = CliRun.run(home, "memory", "reindex");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("indexed " + files + " files (" + files + " changed");
    assertThat(first.err()).contains(files + "/" + files + " files");
    CliRun second = CliRun.run(home, "memory", "reindex");
    assertThat(second.out()).contains("(0 changed, " + files + " unchanged");
    assertThat(CliRun.run(home, "memory", "reindex", "--force").out())
        .contains("indexed " + files + " files");
  }

  @Test
  void searchIndexesFirstAndPrintsOpenClawJsonFields() throws Exception {
    CliRun run = CliRun.run(home, "memory", "search", "kayak", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode result = new ObjectMapper().readTree(run.out());
    assertThat(result.get("pendingEmbeddings").asInt()).isZero();
    JsonNode hits = result.get("hits");
    assertThat(hits).hasSize(1);
    JsonNode hit = hits.get(0);
    assertThat(hit.get("path").asText()).isEqualTo("memory/2024-01-01.md");
    assertThat(hit.get("startLine").asInt()).isEqualTo(1);
    assertThat(hit.get("endLine").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(hit.get("score").asDouble()).isPositive();
    assertThat(hit.get("snippet").asText()).contains("kayak");
    assertThat(hit.get("source").asText()).isEqualTo("memory");
    assertThat(hit.has("explain")).isFalse();
  }

  @Test
  void notesDirectlyInKnowledgeAreIndexedAndStatusStatsAndReindexAgreeOnCounts() throws Exception {
    Files.writeString(ws.resolve("knowledge/top.md"), "# Top\n\nThe okapi sleeps standing.\n");
    Files.createDirectories(ws.resolve("knowledge/a/b"));
    Files.writeString(ws.resolve("knowledge/a/b/deep.md"), "# Deep\n\nThe pangolin rolls up.\n");
    int files = markdownFiles();
    assertThat(CliRun.run(home, "memory", "reindex").out()).contains("indexed " + files + " files");
    ObjectMapper json = new ObjectMapper();
    assertThat(
            json.readTree(CliRun.run(home, "memory", "stats", "--json").out()).get("files").asInt())
        .isEqualTo(files);
    assertThat(
            json.readTree(CliRun.run(home, "workspace", "status", "--json").out())
                .get("markdown_files")
                .asInt())
        .isEqualTo(files);
    assertThat(CliRun.run(home, "memory", "search", "okapi").out()).contains("knowledge/top.md");
    assertThat(CliRun.run(home, "memory", "search", "pangolin").out())
        .contains("knowledge/a/b/deep.md");
  }

  @Test
  void memoryMaxResultsLimitsSearchUnlessDashLIsGiven() throws Exception {
    Files.writeString(
        home.resolve("config.toml"), "[memory]\nembedding_provider = \"none\"\nmax_results = 1\n");
    ObjectMapper json = new ObjectMapper();
    assertThat(
            json.readTree(CliRun.run(home, "memory", "search", "day", "--json").out()).get("hits"))
        .hasSize(1);
    assertThat(
            json.readTree(CliRun.run(home, "memory", "search", "day", "-l", "5", "--json").out())
                .get("hits"))
        .hasSize(2);
  }

  @Test
  void searchPicksUpAFileChangedSinceTheLastIndex() throws Exception {
    CliRun.run(home, "memory", "reindex");
    Files.writeString(ws.resolve("memory/2024-01-03.md"), "# Day\n\nSaw a heron.\n");
    assertThat(CliRun.run(home, "memory", "search", "heron").out())
        .contains("memory/2024-01-03.md:1-");
  }

  @Test
  void isolatedSiloIsSearchedOnlyWhenNamed() {
    CliRun all = CliRun.run(home, "memory", "search", "lentil", "--json");
    assertThat(all.out()).contains("knowledge/recipes/soup.md").doesNotContain("plan.md");
    CliRun silo = CliRun.run(home, "memory", "search", "lentil", "--silo", "secret", "--json");
    assertThat(silo.out())
        .contains("knowledge/secret/plan.md")
        .contains("\"source\" : \"secret\"")
        .doesNotContain("soup.md");
  }

  @Test
  void explainShowsTheKeywordLegAndFtsSyntaxIsHarmless() {
    CliRun run = CliRun.run(home, "memory", "search", "cat Pixel", "--explain");
    assertThat(run.out()).contains("MEMORY.md").contains("bm25 ").contains("cosine -");
    CliRun odd = CliRun.run(home, "memory", "search", "\"AND OR NEAR(", "-l", "3");
    assertThat(odd.exitCode()).as(odd.err()).isZero();
  }

  @Test
  void statsShowsTotalsAndPerFileLinesAndChunks() throws Exception {
    CliRun.run(home, "memory", "reindex");
    CliRun run = CliRun.run(home, "memory", "stats", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode s = new ObjectMapper().readTree(run.out());
    assertThat(s.get("files").asInt()).isEqualTo(markdownFiles());
    assertThat(s.get("chunks").asInt()).isGreaterThanOrEqualTo(markdownFiles());
    assertThat(s.get("embedded").asInt()).isZero();
    assertThat(s.get("model").asText()).contains("none");
    assertThat(s.get("vectorBackend").asText()).isNotBlank();
    assertThat(s.get("sizeBytes").asLong()).isPositive();
    JsonNode memory = s.get("perFile").findParent("path");
    assertThat(s.get("perFile")).hasSize(markdownFiles());
    assertThat(memory).isNotNull();
    assertThat(CliRun.run(home, "memory", "stats").out())
        .contains("files:          " + markdownFiles())
        .contains("MEMORY.md");
  }

  @Test
  void recentListsNewestNotesWithTheirLastNonEmptyLine() {
    CliRun run = CliRun.run(home, "memory", "recent", "-c", "1");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("memory/2024-01-02.md")
        .contains("Fixed the bike.")
        .doesNotContain("2024-01-01");
    assertThat(CliRun.run(home, "memory", "recent").out()).contains("Paddled on the lake.");
  }

  @Test
  void aCorruptIndexIsRebuiltFromTheMarkdown() throws Exception {
    CliRun.run(home, "memory", "reindex");
    Path db = home.resolve("data/memory.sqlite");
    assertThat(db).isRegularFile();
    Files.deleteIfExists(home.resolve("data/memory.sqlite-wal"));
    Files.deleteIfExists(home.resolve("data/memory.sqlite-shm"));
    Files.writeString(db, "this is not a database, just garbage bytes ".repeat(200));
    CliRun run = CliRun.run(home, "memory", "search", "kayak");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("memory/2024-01-01.md");
  }

  @Test
  void unknownEmbeddingModelIsAConfigErrorNamingTheChoices() throws Exception {
    Files.writeString(home.resolve("config.toml"), "[memory]\nembedding_model = \"gpt-embed-9\"\n");
    CliRun run = CliRun.run(home, "memory", "search", "kayak");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(run.err())
        .contains("memory.embedding_model")
        .contains("gpt-embed-9")
        .contains("bge-small");
  }

  /**
   * The workspace's Markdown files: the five written above plus the templates {@code workspace
   * init} added.
   */
  private int markdownFiles() throws java.io.IOException {
    try (var paths = Files.walk(ws)) {
      return (int) paths.filter(p -> p.toString().endsWith(".md")).count();
    }
  }
}
