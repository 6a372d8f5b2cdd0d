package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.embedding.HashingEmbedder;
import dev.localgpt.ports.memory.InMemoryMemoryIndex;
import dev.localgpt.ports.memory.IndexException;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.NewChunk;
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

  private final InMemoryMemoryIndex index = new InMemoryMemoryIndex();
  private final Recording embedder = new Recording();

  /**
   * Writes {@code count} one-chunk files without vectors, as the keyword phase does; long and short
   * texts alternate.
   */
  private void keywordRows(int count) {
    index.useEmbeddingModel(embedder.modelId(), embedder.dimension());
    for (int i = 0; i < count; i++) {
      String text = (i % 2 == 0 ? "word ".repeat(50) : "w ") + i;
      String path = "memory/f" + i + ".md";
      index.replaceFile(
          new IndexedFile(path, "memory", Hashes.sha256(text), 0, text.length()),
          List.of(new NewChunk(1, 1, "", text, Hashes.sha256(text), null)));
    }
  }

  @Test
  void batchesHoldTextsOfSimilarLengthAndEveryChunkGetsAVector() {
    keywordRows(40);
    EmbeddingBatcher batcher = new EmbeddingBatcher(index, embedder, 4);
    List<Integer> progress = new ArrayList<>();
    batcher.run(Long.MAX_VALUE, progress::add);

    assertThat(index.chunksWithoutVector(100)).isEmpty();
    assertThat(batcher.embedded).isEqualTo(40);
    assertThat(progress).isSorted().last().isEqualTo(40);
    assertThat(embedder.calls).allSatisfy(call -> assertThat(call).hasSizeLessThanOrEqualTo(4));
    for (List<String> call : embedder.calls) {
      int shortest = call.stream().mapToInt(String::length).min().orElseThrow();
      int longest = call.stream().mapToInt(String::length).max().orElseThrow();
      assertThat(longest - shortest).as("lengths in one batch: %s", call).isLessThan(100);
    }
  }

  @Test
  void anExhaustedBudgetStopsAfterOneBatchAndLeavesTheRestPending() {
    keywordRows(40);
    EmbeddingBatcher batcher = new EmbeddingBatcher(index, embedder, 4);
    batcher.run(0, n -> {});
    assertThat(batcher.stored).isEqualTo(4);
    assertThat(index.chunksWithoutVector(100)).hasSize(36);
    assertThat(index.stats().embeddedChunks()).isEqualTo(4);
  }

  @Test
  void anInterruptedRunIsResumedWithoutEmbeddingTextsTwice() {
    keywordRows(40);
    FaultyIndex failing = new FaultyIndex(index, 0, IndexException.Kind.FAILED).failingStore(3);
    assertThatThrownBy(
            () -> new EmbeddingBatcher(failing, embedder, 4).run(Long.MAX_VALUE, n -> {}))
        .isInstanceOf(IndexException.class);
    int embeddedBefore = embedder.calls.stream().mapToInt(List::size).sum();
    assertThat(index.chunksWithoutVector(100)).hasSize(32);

    EmbeddingBatcher resumed = new EmbeddingBatcher(index, embedder, 4);
    resumed.run(Long.MAX_VALUE, n -> {});
    assertThat(index.chunksWithoutVector(100)).isEmpty();
    assertThat(resumed.cached)
        .as("the batch embedded before the failure comes from the cache")
        .isEqualTo(4);
    assertThat(embeddedBefore + resumed.embedded).isEqualTo(40);
  }

  @Test
  void aChunkLongerThanTheWindowGetsAVectorPerWindowAndIsFoundByItsSecond() {
    Embedder windowed =
        new Embedder() {
          @Override
          public String modelId() {
            return embedder.modelId();
          }

          @Override
          public int dimension() {
            return embedder.dimension();
          }

          @Override
          public List<Embedding> embed(List<String> texts) {
            return embedder.embed(texts);
          }

          @Override
          public int maxTokens() {
            return 12;
          }
        };
    index.useEmbeddingModel(windowed.modelId(), windowed.dimension());
    String head = "alpha beta gamma delta epsilon zeta eta theta iota kappa";
    String tail = "walrus penguin otter seal puffin gannet";
    String text = head + "\n" + tail;
    String other = "alpha beta gamma delta walrus";
    index.replaceFile(
        new IndexedFile("memory/long.md", "memory", Hashes.sha256(text), 0, text.length()),
        List.of(new NewChunk(1, 2, "", text, Hashes.sha256(text), null)));
    index.replaceFile(
        new IndexedFile("memory/other.md", "memory", Hashes.sha256(other), 0, other.length()),
        List.of(new NewChunk(1, 1, "", other, Hashes.sha256(other), null)));

    new EmbeddingBatcher(index, windowed, 4).run(Long.MAX_VALUE, n -> {});

    assertThat(index.chunksWithoutVector(10)).isEmpty();
    assertThat(embedder.calls.stream().flatMap(List::stream).toList())
        .containsExactlyInAnyOrder(head, tail, other);
    Embedding query = embedder.embed(List.of(tail)).get(0);
    assertThat(index.vectorSearch(query, 2, dev.localgpt.ports.memory.SearchScope.all()))
        .extracting(h -> h.chunk().path())
        .containsExactly("memory/long.md", "memory/other.md");
    assertThat(
            index
                .vectorSearch(query, 1, dev.localgpt.ports.memory.SearchScope.all())
                .get(0)
                .score())
        .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-5));
  }
}
