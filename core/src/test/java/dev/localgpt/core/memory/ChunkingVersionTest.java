package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.embedding.HashingEmbedder;
import dev.localgpt.ports.memory.InMemoryMemoryIndex;
import dev.localgpt.ports.memory.SearchScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index chunked another way (by characters before token chunking, or with another window) is
 * re-chunked by the next indexing run, keeps answering until then, and {@code windowCoverage} says
 * how much text the window cuts.
 */
class ChunkingVersionTest {
  @TempDir Path ws;
  private final InMemoryMemoryIndex index = new InMemoryMemoryIndex();

  /** Counts words as tokens; embeds at most 30 of them. */
  private final Embedder embedder = new Windowed(new HashingEmbedder(), 30);

  private final ChunkerSettings settings = new ChunkerSettings(100, 20, 4);

  private record Windowed(HashingEmbedder delegate, int window) implements Embedder {
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
      return delegate.embed(texts);
    }

    @Override
    public int maxTokens() {
      return window;
    }
  }

  private MemoryIndexer indexer(MarkdownChunker chunker) {
    return new MemoryIndexer(IndexRoots.of(ws), chunker, Optional.of(embedder), 8);
  }

  private void writeNotes() throws IOException {
    Files.createDirectories(ws.resolve("memory"));
    StringBuilder long1 = new StringBuilder("# Chat\n\n");
    for (int i = 0; i < 40; i++) {
      long1
          .append("turn ")
          .append(i)
          .append(" mentions okapi")
          .append(i)
          .append(" and several more words\n");
    }
    Files.writeString(ws.resolve("memory/chat.md"), long1);
    Files.writeString(ws.resolve("MEMORY.md"), "# Memory\n\nshort fact about tapirs\n");
  }

  @Test
  void aCharacterChunkedIndexIsReChunkedInTokensOnceAndThenLeftAlone() throws IOException {
    writeNotes();
    MemoryIndexer old = indexer(new MarkdownChunker(settings));
    old.index(index, false, IndexListener.NONE);
    index.useChunkingVersion(""); // as if built before versions were recorded
    int oldChunks = index.stats().chunks();
    WindowCoverage before = old.windowCoverage(index).orElseThrow();

    MemoryIndexer now = indexer(new MarkdownChunker(settings, TokenCounter.of(embedder)));
    WindowCoverage pending = now.windowCoverage(index).orElseThrow();
    IndexReport report = now.index(index, false, IndexListener.NONE);
    IndexReport again = now.index(index, false, IndexListener.NONE);

    assertThat(before.chunksOverWindow()).isPositive();
    assertThat(before.cutShare()).isBetween(0.01, 1.0);
    assertThat(pending.upToDate()).isFalse();
    assertThat(report.filesIndexed()).isEqualTo(2);
    assertThat(index.stats().chunks()).isNotEqualTo(oldChunks);
    assertThat(index.stats().embeddedChunks()).isEqualTo(index.stats().chunks());
    assertThat(index.chunkingVersion()).contains(now.chunker().version());
    assertThat(again.filesIndexed()).isZero();
    assertThat(again.filesUnchanged()).isEqualTo(2);
    WindowCoverage after = now.windowCoverage(index).orElseThrow();
    assertThat(after).isEqualTo(new WindowCoverage(30, index.stats().chunks(), 0, 0, true));
    assertThat(index.keywordSearch("okapi39", 5, SearchScope.all())).hasSize(1);
  }

  @Test
  void anIndexWithoutARecordedVersionIsMeasuredAsCutByCharacters() throws IOException {
    writeNotes();
    indexer(new MarkdownChunker(settings)).index(index, false, IndexListener.NONE);
    InMemoryMemoryIndex unversioned = new InMemoryMemoryIndex();

    WindowCoverage coverage =
        indexer(new MarkdownChunker(settings, TokenCounter.of(embedder)))
            .windowCoverage(unversioned)
            .orElseThrow();

    assertThat(coverage.upToDate()).isFalse();
    assertThat(coverage.chunksOverWindow()).isPositive();
    assertThat(coverage.window()).isEqualTo(30);
  }

  @Test
  void changingTheWindowReChunksAndReEmbeds() throws IOException {
    writeNotes();
    indexer(new MarkdownChunker(settings, TokenCounter.of(embedder)))
        .index(index, false, IndexListener.NONE);
    Embedder wider = new Windowed(new HashingEmbedder(), 60);

    IndexReport report =
        new MemoryIndexer(
                IndexRoots.of(ws),
                new MarkdownChunker(settings, TokenCounter.of(wider)),
                Optional.of(wider),
                8)
            .index(index, false, IndexListener.NONE);

    assertThat(report.filesIndexed()).isEqualTo(2);
    assertThat(report.embedded()).isPositive();
    assertThat(index.chunkingVersion()).hasValueSatisfying(v -> assertThat(v).contains("@60/"));
  }

  @Test
  void withoutAnEmbedderThereIsNoWindow() {
    MemoryIndexer keywordsOnly =
        new MemoryIndexer(IndexRoots.of(ws), new MarkdownChunker(), Optional.empty(), 8);
    assertThat(keywordsOnly.windowCoverage(index)).isEmpty();
  }
}
