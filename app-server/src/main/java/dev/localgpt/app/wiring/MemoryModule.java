package dev.localgpt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.memory.MemoryIndexer;
import dev.localgpt.core.memory.MemoryIndexes;
import dev.localgpt.core.memory.MemorySearch;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.workspace.LocalGptHome;
import dev.localgpt.ports.embedding.Embedder;
import java.time.Clock;
import java.util.Optional;

/**
 * Memory: binds the {@link Embedder} port (absent for {@code embedding_provider = "none"}) to the
 * ONNX model, the index port ({@link MemoryIndexes}, which opens and recreates the {@code
 * MemoryIndex}) to SQLite, and the core {@link MemoryIndexer} and {@link MemoryService} above them;
 * also the {@link MemoryStack} that owns them (registered with the injector's {@link Resources})
 * and the service as the {@link MemorySearch} the agent's tools use.
 */
public final class MemoryModule extends AbstractModule {
  @Provides
  @Singleton
  Optional<Embedder> embedder(LocalGptConfig config) {
    return MemoryComponents.embedder(config.memory(), Optional.empty()).map(Embedder.class::cast);
  }

  @Provides
  @Singleton
  MemoryIndexes indexes(LocalGptHome home, LocalGptConfig config) {
    return MemoryComponents.indexes(home, config.memory());
  }

  @Provides
  @Singleton
  MemoryIndexer indexer(LocalGptConfig config, Optional<Embedder> embedder) {
    return MemoryComponents.indexer(config.memory(), embedder);
  }

  @Provides
  @Singleton
  MemoryStack memoryStack(
      WiringOptions options,
      LocalGptHome home,
      LocalGptConfig config,
      MemoryIndexes indexes,
      MemoryIndexer indexer,
      Optional<Embedder> embedder,
      Clock clock,
      Resources resources) {
    if (options.prepare()) {
      Components.prepare(
          home, config); // first run: the directories and templates the indexer reads
    }
    MemoryService service =
        new MemoryService(
            indexes, indexer, embedder, MemoryComponents.searchSettings(config.memory()), clock);
    return resources.register(new MemoryStack(service, embedder, MemoryComponents.dbFile(home)));
  }

  @Provides
  MemoryService memoryService(MemoryStack stack) {
    return stack.service();
  }

  @Provides
  MemorySearch memorySearch(MemoryStack stack) {
    return stack.service();
  }
}
