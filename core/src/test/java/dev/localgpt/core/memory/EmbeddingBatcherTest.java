package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.embedding.HashingEmbedder;
import dev.localgpt.ports.memory.InMemoryMemoryIndex;
import dev.localgpt.ports.memory.IndexedFile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingBatcherTest {
  /** Records the texts of every embed call. */
  private static final class Recording implements Embedder {
    final HashingEmbedder delegate = new HashingEmbedder();
    final List<List<String>> calls = new ArrayList<>();

    @Override
    public String modelId() {
      return delegate.modelId();
    }

    @Override
    public int dimension() {
      return delegate.dimension();
    }

    @Override
    public List<Embedding> embed(List<String> texts) {
      calls.add(List.copyOf(texts));
      return delegate.embed(texts);
    }
  }

  @Test
  void batchesHoldTextsOfSimilarLengthAndEveryFileIsWritten() {
    InMemoryMemoryIndex index = new InMemoryMemoryIndex();
    Recording embedder = new Recording();
    index.useEmbeddingModel(embedder.modelId(), embedder.dimension());
    List<String> written = new ArrayList<>();
    EmbeddingBatcher batcher = new EmbeddingBatcher(index, embedder, 4, (file, n) -> written.add(file.path()));
    int files = 40;
    for (int i = 0; i < files; i++) {
      // Long and short texts alternate, so batches in file order would mix lengths.
      String text = (i % 2 == 0 ? "word ".repeat(50) : "w ") + i;
      String path = "memory/f" + i + ".md";
      batcher.add(new IndexedFile(path, "memory", Hashes.sha256(text), 0, text.length()),
          List.of(new Chunk(path, 1, 1, "", text, Hashes.sha256(text))));
    }
    batcher.finish();

    assertThat(written).hasSize(files);
    assertThat(batcher.embedded).isEqualTo(files);
    assertThat(embedder.calls).allSatisfy(call -> assertThat(call).hasSizeLessThanOrEqualTo(4));
    for (List<String> call : embedder.calls) {
      int shortest = call.stream().mapToInt(String::length).min().orElseThrow();
      int longest = call.stream().mapToInt(String::length).max().orElseThrow();
      assertThat(longest - shortest).as("lengths in one batch: %s", call).isLessThan(100);
    }
  }
}
