package dev.localgpt.app.wiring;

import dev.localgpt.adapter.embeddings.EmbeddingModelChoice;
import dev.localgpt.adapter.embeddings.OnnxEmbedder;
import dev.localgpt.adapter.embeddings.OnnxEmbedders;
import dev.localgpt.adapter.sqlite.SqliteMemoryIndex;
import dev.localgpt.adapter.sqlite.SqliteOptions;
import dev.localgpt.core.config.ConfigException;
import dev.localgpt.core.config.ConfigProblem;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.config.MemoryConfig;
import dev.localgpt.core.memory.ChunkerSettings;
import dev.localgpt.core.memory.FusionMethod;
import dev.localgpt.core.memory.IndexRoots;
import dev.localgpt.core.memory.MarkdownChunker;
import dev.localgpt.core.memory.MemoryFileStats;
import dev.localgpt.core.memory.MemoryIndexer;
import dev.localgpt.core.memory.MemoryIndexes;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.memory.SearchMode;
import dev.localgpt.core.memory.SearchSettings;
import dev.localgpt.core.memory.TokenCounter;
import dev.localgpt.core.workspace.LocalGptHome;
import dev.localgpt.core.workspace.PrivateFiles;
import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.memory.IndexException;
import dev.localgpt.ports.memory.MemoryIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Plain factories for memory: the SQLite index at {@code <home>/data/memory.sqlite}, the lazily
 * loaded ONNX embedder, the index roots, chunker and search settings from {@code [memory]}. Used by
 * {@link MemoryModule} and by {@link dev.localgpt.LocalGpt#memory()}.
 */
public final class MemoryComponents {
  /** File name of the index under {@link LocalGptHome#dataDir()}. */
  public static final String DB_FILE = "memory.sqlite";

  /**
   * What {@code vector_backend = "auto"} means: the Java k-NN, which measured faster than
   * sqlite-vec at 10k and 100k chunks ({@code bench search}, docs/benchmarks.md).
   */
  public static final String AUTO_BACKEND = "java";

  private MemoryComponents() {}

  /** The whole memory stack for a home and config; nothing heavy is loaded until used. */
  public static MemoryStack memory(LocalGptHome home, LocalGptConfig config) {
    return memory(dbFile(home), config.memory(), Optional.empty());
  }

  /** The index file of a home. */
  public static Path dbFile(LocalGptHome home) {
    return home.dataDir().resolve(DB_FILE);
  }

  /**
   * The memory stack over {@code dbFile}; {@code model} overrides the configured model
   * (benchmarks).
   *
   * @throws ConfigException for an unknown model or provider, or chunk settings the chunker cannot
   *     use
   */
  public static MemoryStack memory(
      Path dbFile, MemoryConfig memory, Optional<EmbeddingModelChoice> model) {
    Optional<Embedder> port = embedder(memory, model).map(Embedder.class::cast);
    MemoryService service =
        new MemoryService(
            indexes(dbFile, sqliteOptions(memory)),
            indexer(memory, port),
            port,
            searchSettings(memory),
            Clock.systemUTC());
    return new MemoryStack(service, port, dbFile);
  }

  /**
   * The ONNX embedder for {@code model}, else the configured one; empty for {@code
   * embedding_provider = "none"}. The model loads on first use.
   *
   * @throws ConfigException for an unknown model or provider
   */
  public static Optional<OnnxEmbedder> embedder(
      MemoryConfig memory, Optional<EmbeddingModelChoice> model) {
    Optional<EmbeddingModelChoice> choice =
        model.isPresent()
            ? model
            : EmbeddingModels.resolve(memory.embeddingProvider(), memory.embeddingModel());
    return choice.map(
        c ->
            OnnxEmbedders.create(
                c, memory.embeddingBatchSize(), Runtime.getRuntime().availableProcessors()));
  }

  /**
   * The indexer over the configured roots and chunking, embedding with {@code embedder} when
   * present.
   */
  public static MemoryIndexer indexer(MemoryConfig memory, Optional<Embedder> embedder) {
    return new MemoryIndexer(
        roots(memory), chunker(memory, embedder), embedder, memory.embeddingBatchSize());
  }

  /**
   * The chunker: sizes in the embedding model's own tokens, bounded by its window, so every chunk
   * reaches its vector whole; by characters (1 token ≈ 4) without an embedder.
   */
  public static MarkdownChunker chunker(MemoryConfig memory, Optional<Embedder> embedder) {
    ChunkerSettings settings = chunker(memory);
    return embedder
        .map(e -> new MarkdownChunker(settings, TokenCounter.of(e)))
        .orElseGet(() -> new MarkdownChunker(settings));
  }

  /**
   * SQLite options for {@code memory.vector_backend}: sqlite-vec only when asked for (or auto chose
   * it) and found.
   */
  public static SqliteOptions sqliteOptions(MemoryConfig memory) {
    String backend = memory.vectorBackend().equals("auto") ? AUTO_BACKEND : memory.vectorBackend();
    return backend.equals("sqlite-vec") ? SqliteOptions.defaults() : SqliteOptions.javaKnn();
  }

  /**
   * The configured store: SQLite under the home, or PostgreSQL when {@code memory.backend =
   * "postgres"}.
   */
  public static MemoryIndexes indexes(LocalGptHome home, MemoryConfig memory) {
    if (memory.storage().postgres()) {
      return PostgresMemory.indexes(memory.storage());
    }
    return indexes(dbFile(home), sqliteOptions(memory));
  }

  /**
   * Opens the DB file; {@code recreate} moves a damaged file aside (to {@code .corrupt}) and starts
   * afresh.
   */
  public static MemoryIndexes indexes(Path dbFile, SqliteOptions options) {
    return new MemoryIndexes() {
      @Override
      public MemoryIndex open() {
        return SqliteMemoryIndex.open(dbFile, options);
      }

      @Override
      public MemoryIndex recreate() {
        try {
          Path aside = dbFile.resolveSibling(dbFile.getFileName() + ".corrupt");
          if (Files.exists(dbFile)) {
            Files.move(dbFile, aside, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            PrivateFiles.ownerOnly(
                aside); // it holds the user's notes, whatever mode an old version gave it
          }
          for (String suffix : List.of("-wal", "-shm")) {
            Files.deleteIfExists(dbFile.resolveSibling(dbFile.getFileName() + suffix));
          }
        } catch (IOException e) {
          throw new IndexException(
              IndexException.Kind.FAILED,
              "cannot move the damaged index "
                  + dbFile
                  + " aside: "
                  + e.getMessage()
                  + " (delete it by hand; it is rebuilt from the Markdown)",
              e);
        }
        return SqliteMemoryIndex.open(dbFile, options);
      }
    };
  }

  /**
   * The workspace plus every {@code memory.paths} entry outside it (entries inside it are scanned
   * already).
   */
  public static IndexRoots roots(MemoryConfig memory) {
    Path workspace = memory.workspace().toAbsolutePath().normalize();
    List<IndexRoots.ExtraRoot> extra = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    for (MemoryConfig.IndexPath p : memory.paths()) {
      Path dir = workspace.resolve(p.path()).normalize();
      if (dir.startsWith(workspace)) {
        continue;
      }
      String base = dir.getFileName() == null ? "root" : dir.getFileName().toString();
      String label = base;
      for (int n = 2; !labels.add(label); n++) {
        label = base + "-" + n;
      }
      extra.add(new IndexRoots.ExtraRoot(dir, p.pattern(), label));
    }
    return new IndexRoots(workspace, extra);
  }

  /**
   * Lines and chunks per indexed file, located through the roots and chunked as the indexer chunks.
   */
  public static MemoryFileStats fileStats(MemoryConfig memory, Optional<Embedder> embedder) {
    return new MemoryFileStats(roots(memory), chunker(memory, embedder));
  }

  /** Chunk size and overlap from the config (1 token ≈ 4 characters). */
  public static ChunkerSettings chunker(MemoryConfig memory) {
    if (memory.chunkOverlap() * 2 >= memory.chunkSize()) {
      throw new ConfigException(
          new ConfigProblem(
              "config.toml",
              0,
              "memory.chunk_overlap",
              "must be less than half of memory.chunk_size ("
                  + memory.chunkSize()
                  + "), was "
                  + memory.chunkOverlap(),
              "use e.g. " + memory.chunkSize() / 5));
    }
    return new ChunkerSettings(memory.chunkSize(), memory.chunkOverlap(), 4);
  }

  /** Fusion, weights, MMR, decay and isolated silos from the config. */
  public static SearchSettings searchSettings(MemoryConfig memory) {
    return SearchSettings.defaults()
        .withFusion(FusionMethod.valueOf(memory.fusion().toUpperCase(Locale.ROOT)))
        .withWeights(memory.vectorWeight(), memory.textWeight())
        .withMode(SearchMode.HYBRID)
        .withMmr(memory.mmr(), SearchSettings.defaults().mmrLambda())
        .withHalfLifeDays(memory.temporalDecayHalfLifeDays())
        .withIsolatedSilos(Set.copyOf(memory.isolatedSilos()));
  }
}
