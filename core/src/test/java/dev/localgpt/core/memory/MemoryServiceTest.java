package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.embedding.HashingEmbedder;
import dev.localgpt.ports.memory.InMemoryMemoryIndex;
import dev.localgpt.ports.memory.IndexException;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.MemoryIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryServiceTest {
  @TempDir Path ws;
  private final HashingEmbedder embedder = new HashingEmbedder();

  /**
   * Hands out the queued indexes on open(), a fresh in-memory one on recreate(), and counts
   * recreations.
   */
  private static final class ScriptedIndexes implements MemoryIndexes {
    final Deque<MemoryIndex> opens = new ArrayDeque<>();
    int recreated;
    boolean corruptOnOpen;

    @Override
    public MemoryIndex open() {
      if (corruptOnOpen) {
        throw new IndexException(IndexException.Kind.CORRUPT, "file is not a database", null);
      }
      return opens.isEmpty() ? new InMemoryMemoryIndex() : opens.pop();
    }

    @Override
    public MemoryIndex recreate() {
      recreated++;
      return new InMemoryMemoryIndex();
    }
  }

  private MemoryService service(MemoryIndexes indexes) throws IOException {
    Files.createDirectories(ws.resolve("memory"));
    Files.writeString(ws.resolve("MEMORY.md"), "# Memory\n\nThe user owns a serval named Pix.\n");
    Files.writeString(ws.resolve("memory/2024-05-01.md"), "Bought a telescope today.\n");
    MemoryIndexer indexer =
        new MemoryIndexer(IndexRoots.of(ws), new MarkdownChunker(), Optional.of(embedder), 32);
    return new MemoryService(
        indexes, indexer, Optional.of(embedder), SearchSettings.defaults(), Clock.systemUTC());
  }

  @Test
  void aSearchAfterAnUpdateWithoutEmbeddingTimeAnswersByKeywordsAndSaysWhatIsPending()
      throws IOException {
    try (MemoryService memory = service(new ScriptedIndexes())) {
      for (int i = 0; i < 100; i++) {
        Files.writeString(
            ws.resolve("memory/n" + i + ".md"), "note " + i + " about quoll" + i + "\n");
      }
      IndexReport update = memory.update(java.time.Duration.ZERO, IndexListener.NONE);
      assertThat(update.pendingVectors()).isEqualTo(102 - 32);

      SearchResult result = memory.find("quoll99", SearchOptions.limit(3));
      assertThat(result.hits()).extracting(MemoryHit::path).first().isEqualTo("memory/n99.md");
      assertThat(result.pendingEmbeddings()).isEqualTo(70);

      memory.index();
      assertThat(memory.find("quoll99", SearchOptions.limit(3)).pendingEmbeddings()).isZero();
    }
  }

  @Test
  void indexesSearchesAndReportsStats() throws IOException {
    try (MemoryService memory = service(new ScriptedIndexes())) {
      IndexReport report = memory.index();
      assertThat(report.filesIndexed()).isEqualTo(2);
      assertThat(memory.search("serval", SearchOptions.limit(3)))
          .extracting(MemoryHit::path)
          .first()
          .isEqualTo("MEMORY.md");
      assertThat(memory.stats().files()).isEqualTo(2);
      assertThat(memory.recent(1)).extracting(IndexedFile::path).hasSize(1);
    }
  }

  @Test
  void corruptIndexDuringIndexingIsRecreatedAndRebuilt() throws IOException {
    ScriptedIndexes indexes = new ScriptedIndexes();
    indexes.opens.push(new FaultyIndex(new InMemoryMemoryIndex(), 1, IndexException.Kind.CORRUPT));
    try (MemoryService memory = service(indexes)) {
      IndexReport report = memory.index();
      assertThat(indexes.recreated).isEqualTo(1);
      assertThat(report.filesIndexed()).isEqualTo(2);
      assertThat(memory.stats().files()).isEqualTo(2);
    }
  }

  @Test
  void corruptIndexDuringSearchIsRebuiltFromTheMarkdownAndTheSearchRetried() throws IOException {
    ScriptedIndexes indexes = new ScriptedIndexes();
    indexes.opens.push(
        new FaultyIndex(new InMemoryMemoryIndex(), -1, IndexException.Kind.CORRUPT)
            .failingSearches());
    try (MemoryService memory = service(indexes)) {
      List<MemoryHit> hits = memory.search("telescope", SearchOptions.limit(3));
      assertThat(indexes.recreated).isEqualTo(1);
      assertThat(hits).extracting(MemoryHit::path).first().isEqualTo("memory/2024-05-01.md");
    }
  }

  @Test
  void corruptStoreOnOpenIsRecreated() throws IOException {
    ScriptedIndexes indexes = new ScriptedIndexes();
    indexes.corruptOnOpen = true;
    try (MemoryService memory = service(indexes)) {
      assertThat(memory.index().filesIndexed()).isEqualTo(2);
      assertThat(indexes.recreated).isEqualTo(1);
    }
  }

  @Test
  void searchWhileIndexingNeverFails() throws Exception {
    for (int i = 0; i < 300; i++) {
      Files.createDirectories(ws.resolve("memory"));
      Files.writeString(
          ws.resolve("memory/n" + i + ".md"), "note " + i + " about caracal number" + i + "\n");
    }
    try (MemoryService memory = service(new ScriptedIndexes())) {
      Thread t = new Thread(() -> memory.index(true, IndexListener.NONE));
      t.start();
      while (t.isAlive()) {
        memory.search("caracal", SearchOptions.limit(5));
      }
      t.join();
      assertThat(memory.search("serval", SearchOptions.limit(5))).isNotEmpty();
    }
  }
}
