package dev.localgpt.app.wiring;

import dev.localgpt.adapter.sqlite.SqliteMemoryIndex;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.memory.ChunkerSettings;
import dev.localgpt.core.memory.IndexRoots;
import dev.localgpt.core.memory.MarkdownChunker;
import dev.localgpt.core.memory.MemoryIndexer;
import dev.localgpt.core.memory.MemoryIndexes;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.memory.SearchSettings;
import dev.localgpt.core.workspace.LocalGptHome;
import dev.localgpt.ports.memory.MemoryIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * INTERIM, to be replaced by the memory wiring on merge: a keyword-only (BM25, no embedder) {@link MemoryService}
 * over SQLite, so chat has memory tools and a memory-only mode before the real memory module lands.
 */
public final class InterimMemory {
  private InterimMemory() {}

  /** A memory service over {@code <home>/data/memory.sqlite}; opened lazily on first use. */
  public static MemoryService open(LocalGptHome home, LocalGptConfig config) {
    Path db = home.dataDir().resolve("memory.sqlite");
    MemoryIndexes indexes = new MemoryIndexes() {
      @Override
      public MemoryIndex open() {
        try {
          Files.createDirectories(db.getParent());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot create " + db.getParent() + ": " + e.getMessage(), e);
        }
        return SqliteMemoryIndex.open(db);
      }

      @Override
      public MemoryIndex recreate() {
        try {
          Files.deleteIfExists(db);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot delete the damaged index " + db + ": " + e.getMessage(), e);
        }
        return open();
      }
    };
    MemoryIndexer indexer = new MemoryIndexer(IndexRoots.of(config.memory().workspace()),
        new MarkdownChunker(ChunkerSettings.defaults()), Optional.empty(), MemoryIndexer.DEFAULT_BATCH_SIZE);
    return new MemoryService(indexes, indexer, Optional.empty(), SearchSettings.defaults(), Clock.systemUTC());
  }
}
