package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.embedding.HashingEmbedder;
import dev.localgpt.ports.memory.InMemoryMemoryIndex;
import dev.localgpt.ports.memory.SearchScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 20 MB note: keyword search finds it after the keyword phase, with most chunks still waiting for
 * a vector, and a second run embeds the rest. Times are printed (benchmark numbers), never
 * asserted.
 */
class MemoryIndexerIT {
  @TempDir Path ws;

  @Test
  void twentyMegabyteNoteIsSearchableBeforeItIsEmbeddedAndTheNextRunEmbedsTheRest()
      throws IOException {
    StringBuilder sb = new StringBuilder(21_000_000);
    int i = 0;
    while (sb.length() < 20_000_000) {
      sb.append("## Section ")
          .append(i)
          .append("\n\n")
          .append(("word" + i + " ").repeat(200))
          .append("\n\n");
      i++;
    }
    sb.append("the rare marmoset line\n");
    Files.createDirectories(ws.resolve("memory"));
    Files.writeString(ws.resolve("memory/huge.md"), sb);
    InMemoryMemoryIndex index = new InMemoryMemoryIndex();
    MemoryIndexer indexer =
        new MemoryIndexer(
            IndexRoots.of(ws), new MarkdownChunker(), Optional.of(new HashingEmbedder()), 32);

    long t0 = System.nanoTime();
    IndexReport keywords = indexer.index(index, false, Duration.ZERO, IndexListener.NONE);
    long keywordMillis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(keywords.filesIndexed()).isEqualTo(1);
    assertThat(keywords.chunks()).isGreaterThan(10_000);
    assertThat(keywords.pendingVectors()).isEqualTo(keywords.chunks() - keywords.embedded());
    assertThat(index.keywordSearch("marmoset", 5, SearchScope.all()))
        .extracting(h -> h.chunk().path())
        .containsExactly("memory/huge.md");

    long t1 = System.nanoTime();
    IndexReport vectors = indexer.index(index, false, IndexListener.NONE);
    long vectorMillis = (System.nanoTime() - t1) / 1_000_000;
    System.out.printf(
        "20 MB note: %d chunks searchable by keywords after %d ms; %d vectors in %d ms%n",
        keywords.chunks(), keywordMillis, vectors.embedded() + vectors.cached(), vectorMillis);
    assertThat(vectors.pendingVectors()).isZero();
    assertThat(index.stats().embeddedChunks()).isEqualTo(index.stats().chunks());
  }
}
