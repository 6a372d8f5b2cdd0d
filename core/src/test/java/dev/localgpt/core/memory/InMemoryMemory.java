package dev.localgpt.core.memory;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.HashingEmbedder;
import dev.localgpt.ports.memory.InMemoryMemoryIndex;
import dev.localgpt.ports.memory.MemoryIndex;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * A {@link MemoryService} for tests: the workspace's Markdown in one {@link InMemoryMemoryIndex}
 * (recreating it keeps the same one), embedded by a {@link HashingEmbedder}, default search
 * settings.
 */
public final class InMemoryMemory {
  private InMemoryMemory() {}

  public static MemoryService service(Path workspace, Clock clock) {
    return service(workspace, clock, new HashingEmbedder(), SearchGate.perCore());
  }

  /** The same with {@code embedder} and {@code gate} instead of the defaults. */
  static MemoryService service(Path workspace, Clock clock, Embedder embedder, SearchGate gate) {
    MemoryIndex index = new InMemoryMemoryIndex();
    MemoryIndexes indexes =
        new MemoryIndexes() {
          @Override
          public MemoryIndex open() {
            return index;
          }

          @Override
          public MemoryIndex recreate() {
            return index;
          }
        };
    MemoryIndexer indexer =
        new MemoryIndexer(
            IndexRoots.of(workspace), new MarkdownChunker(), Optional.of(embedder), 32);
    return new MemoryService(
        indexes, indexer, Optional.of(embedder), SearchSettings.defaults(), clock, gate);
  }
}
