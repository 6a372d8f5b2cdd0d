package dev.localgpt.adapter.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingBenchmarkTest {

  @Test
  void readsTitleAndTextOfTheFirstDocumentsOfABeirCorpus(@TempDir Path dir) throws IOException {
    Path corpus = dir.resolve("corpus.jsonl");
    Files.writeString(corpus, """
        {"_id": "1", "title": "Cells", "text": "Mitochondria make energy."}

        {"_id": "2", "title": "", "text": "No title here."}
        {"_id": "3", "title": "Third", "text": "Not read."}
        """);
    assertThat(EmbeddingBenchmark.readBeirCorpus(corpus, 2))
        .containsExactly("Cells\nMitochondria make energy.", "No title here.");
  }

  @Test
  void ratioIsEmbedderRateOverRawRate() {
    var result = new EmbeddingBenchmark.Result("m", 10, 32, 50.0, 45.0);
    assertThat(result.ratio()).isEqualTo(0.9);
  }
}
