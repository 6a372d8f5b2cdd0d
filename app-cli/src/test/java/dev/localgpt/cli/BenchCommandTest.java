package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench commands' wiring and errors, on runs small enough for the fast suite (no model is
 * loaded).
 */
class BenchCommandTest {
  @TempDir Path home;

  @BeforeEach
  void config() throws Exception {
    Files.writeString(home.resolve("config.toml"), "[memory]\nembedding_provider = \"none\"\n");
  }

  @Test
  void searchWithoutACorpusMeasuresLatencyAndTheNoOpReindexAndSkipsTheRate() {
    CliRun run =
        CliRun.run(home, "bench", "search", "--chunks", "100", "--runs", "3", "--files", "12");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("100 chunks from synthetic prose")
        .contains("queries: synthetic questions, 3 timed")
        .contains("limit 6, 24 candidates per leg")
        .contains("p99 ms")
        .contains("hybrid, given vector [fts5]")
        .contains("hybrid, given vector [java]")
        .contains("java k-NN alone")
        .contains("bm25 alone [fts5]")
        .contains("bm25 alone [java]")
        .contains("keyword leg: [fts5] FTS5, [java] in-memory index: java [100 chunks")
        .contains("indexing rate: skipped (pass --corpus FILE")
        .contains("re-index of 12 unchanged files")
        .contains("12 files unchanged");
  }

  @Test
  void searchTimesTheQueryTextsOfABeirFileAtTheGivenLimit() throws Exception {
    Path queries =
        Files.writeString(
            home.resolve("queries.jsonl"),
            "{\"_id\": \"1\", \"text\": \"Vitamin B12 deficiency raises homocysteine.\"}\n"
                + "{\"_id\": \"2\", \"text\": \"Low birth weight and perinatal mortality.\"}\n");
    CliRun run =
        CliRun.run(
            home,
            "bench",
            "search",
            "--chunks",
            "100",
            "--runs",
            "4",
            "--queries",
            queries.toString(),
            "--limit",
            "3",
            "--latency-only");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("queries: " + queries + ", 4 timed")
        .contains("limit 3, 12 candidates per leg")
        .contains("query embedding: none")
        .doesNotContain("re-index of");
  }

  @Test
  void searchWithAQueriesFileWithoutTextsIsAConfigError() throws Exception {
    Path empty = Files.writeString(home.resolve("none.jsonl"), "{\"_id\": \"1\"}\n");
    CliRun run = CliRun.run(home, "bench", "search", "--queries", empty.toString());
    assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(run.err()).contains("holds no query text").doesNotContain("Exception");
  }

  @Test
  void anUnknownFusionIsAConfigErrorListingTheChoices() throws Exception {
    Path empty = Files.writeString(home.resolve("empty.jsonl"), "");
    CliRun run =
        CliRun.run(
            home,
            "bench",
            "retrieval",
            "--corpus",
            empty.toString(),
            "--queries",
            empty.toString(),
            "--qrels",
            empty.toString(),
            "--fusion",
            "borda");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(run.err())
        .contains("unknown fusion 'borda'")
        .contains("rrf")
        .doesNotContain("Exception");
  }

  @Test
  void conversationsWritesTheChatLogSetInBeirForm() {
    Path out = home.resolve("conv");
    CliRun run =
        CliRun.run(
            home,
            "bench",
            "conversations",
            "--out",
            out.toString(),
            "--conversations",
            "12",
            "--questions",
            "5");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("wrote 12 conversations and 5 questions to " + out);
    assertThat(out.resolve("corpus.jsonl")).exists();
    assertThat(out.resolve("queries.jsonl")).exists();
    assertThat(out.resolve("qrels/test.tsv")).exists();
  }

  @Test
  void retrievalWithoutDataOrCorpusSaysWhatToGive() {
    CliRun run = CliRun.run(home, "bench", "retrieval");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(run.err())
        .contains("missing --corpus")
        .contains("--data DIR")
        .doesNotContain("Exception");
  }

  @Test
  void serverBenchRejectsRunsTooShortToMeasure() {
    CliRun run = CliRun.run(home, "bench", "server", "--seconds", "0");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(run.err()).contains("--seconds >= 1").doesNotContain("Exception");
  }
}
