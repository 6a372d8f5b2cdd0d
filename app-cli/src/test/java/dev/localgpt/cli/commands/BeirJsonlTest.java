package dev.localgpt.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.cli.CliException;
import dev.localgpt.core.memory.eval.BeirData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeirJsonlTest {
  @TempDir Path dir;

  private Path corpus() throws IOException {
    Path corpus = dir.resolve("corpus.jsonl");
    Files.writeString(
        corpus,
        """
        {"_id": "1", "title": "Cells", "text": "Mitochondria make energy."}

        {"_id": "2", "title": "", "text": "No title here."}
        {"_id": "3", "title": "Third", "text": "Not read."}
        """);
    return corpus;
  }

  @Test
  void textsAreTitleAndTextOfTheFirstDocuments() throws IOException {
    assertThat(BeirJsonl.texts(corpus(), 2))
        .containsExactly("Cells\nMitochondria make energy.", "No title here.");
  }

  @Test
  void readsCorpusQueriesAndQrelsIntoValues() throws IOException {
    Path queries = dir.resolve("queries.jsonl");
    Files.writeString(queries, "{\"_id\": \"q1\", \"text\": \"What makes energy?\"}\n");
    Path qrels = dir.resolve("qrels.tsv");
    Files.writeString(qrels, "query-id\tcorpus-id\tscore\nq1\t1\t1\n");
    BeirData data = BeirJsonl.read(corpus(), queries, qrels);
    assertThat(data.corpus())
        .hasSize(3)
        .first()
        .isEqualTo(new BeirData.Doc("1", "Cells", "Mitochondria make energy."));
    assertThat(data.queries()).containsExactly(java.util.Map.entry("q1", "What makes energy?"));
    assertThat(data.qrels().get("q1")).containsEntry("1", 1);
  }

  @Test
  void aLineThatIsNotJsonIsAOneLineErrorNamingFileAndLine() throws IOException {
    Path bad = dir.resolve("bad.jsonl");
    Files.writeString(bad, "{\"_id\": \"1\"}\n{oops\n");
    assertThatThrownBy(() -> BeirJsonl.texts(bad, 10))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("line 2 of")
        .hasMessageContaining("bad.jsonl");
  }

  @Test
  void aBadQrelsLineIsACliError() throws IOException {
    Path qrels = dir.resolve("qrels.tsv");
    Files.writeString(qrels, "q1\t1\tx\n");
    assertThatThrownBy(() -> BeirJsonl.read(corpus(), corpus(), qrels))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("bad qrels line 1");
  }
}
