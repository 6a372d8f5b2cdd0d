package dev.localgpt.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * {@code [memory]}.
 *
 * @param workspace the Markdown workspace (resolved: {@code LOCALGPT_WORKSPACE}, else {@code
 *     memory.workspace}, else {@code <home>/workspace})
 * @param embeddingProvider {@code local} (in process, default), {@code openai}, {@code ollama} or
 *     {@code none}
 * @param embeddingModel default {@code all-MiniLM-L6-v2}
 * @param chunkSize chunk size in tokens (1 token ≈ 4 chars), default 400
 * @param chunkOverlap overlap in tokens, default 80
 * @param paths extra index roots, default {@code [{path="knowledge", pattern="**}{@code /*.md"}]}
 * @param vectorWeight weight of the vector leg in hybrid search, default 0.5
 * @param textWeight weight of the keyword (BM25) leg, default 0.5
 * @param isolatedSilos {@code knowledge/<silo>} folders searched only when asked for by name
 * @param mmr rerank results with maximal marginal relevance (default false)
 * @param temporalDecayHalfLifeDays half-life of the recency decay of daily notes; 0 = off (default)
 * @param maxResults default number of search results (6)
 * @param fusion how hybrid search fuses its legs: {@code weighted}, {@code rrf}, {@code dbsf} or
 *     {@code adaptive} (see {@link #FUSIONS})
 * @param vectorBackend k-NN engine: {@code auto} (chosen by measurement), {@code sqlite-vec} or
 *     {@code java}
 * @param embeddingBatchSize texts per embedder call while indexing, default 32
 * @param storage where the index lives ({@code backend}, {@code [memory.postgres]}); SQLite by
 *     default
 */
public record MemoryConfig(
    Path workspace,
    String embeddingProvider,
    String embeddingModel,
    int chunkSize,
    int chunkOverlap,
    List<IndexPath> paths,
    double vectorWeight,
    double textWeight,
    List<String> isolatedSilos,
    boolean mmr,
    double temporalDecayHalfLifeDays,
    int maxResults,
    String fusion,
    String vectorBackend,
    int embeddingBatchSize,
    MemoryStorage storage) {
  public static final List<String> EMBEDDING_PROVIDERS =
      List.of("local", "openai", "ollama", "none");
  public static final String DEFAULT_EMBEDDING_MODEL = "all-MiniLM-L6-v2";

  /** Values of {@code memory.fusion}. */
  public static final List<String> FUSIONS = List.of("weighted", "rrf", "dbsf", "adaptive");

  /** Values of {@code memory.vector_backend}. */
  public static final List<String> VECTOR_BACKENDS = List.of("auto", "sqlite-vec", "java");

  /** The default of {@code memory.fusion}, chosen by the SciFact benchmark (docs/benchmarks.md). */
  public static final String DEFAULT_FUSION = "adaptive";

  public MemoryConfig {
    Objects.requireNonNull(workspace, "'memory.workspace' must not be null");
    if (!EMBEDDING_PROVIDERS.contains(embeddingProvider)) {
      throw new IllegalArgumentException(
          "'memory.embedding_provider' must be one of "
              + EMBEDDING_PROVIDERS
              + ", was "
              + embeddingProvider);
    }
    ConfigChecks.notBlank("memory.embedding_model", embeddingModel);
    ConfigChecks.positive("memory.chunk_size", chunkSize);
    ConfigChecks.atLeast("memory.chunk_overlap", chunkOverlap, 0);
    if (chunkOverlap >= chunkSize) {
      throw new IllegalArgumentException(
          "'memory.chunk_overlap' must be < chunk_size, was " + chunkOverlap);
    }
    paths = List.copyOf(paths);
    ConfigChecks.between("memory.vector_weight", vectorWeight, 0, 1);
    ConfigChecks.between("memory.text_weight", textWeight, 0, 1);
    if (vectorWeight + textWeight <= 0) {
      throw new IllegalArgumentException(
          "'memory.vector_weight' + 'memory.text_weight' must be > 0");
    }
    isolatedSilos = List.copyOf(isolatedSilos);
    if (!(temporalDecayHalfLifeDays >= 0)) {
      throw new IllegalArgumentException(
          "'memory.temporal_decay_half_life_days' must be >= 0, was " + temporalDecayHalfLifeDays);
    }
    ConfigChecks.positive("memory.max_results", maxResults);
    if (!FUSIONS.contains(fusion)) {
      throw new IllegalArgumentException(
          "'memory.fusion' must be one of " + FUSIONS + ", was " + fusion);
    }
    if (!VECTOR_BACKENDS.contains(vectorBackend)) {
      throw new IllegalArgumentException(
          "'memory.vector_backend' must be one of " + VECTOR_BACKENDS + ", was " + vectorBackend);
    }
    ConfigChecks.positive("memory.embedding_batch_size", embeddingBatchSize);
    Objects.requireNonNull(storage, "'memory.storage' must not be null");
  }

  /** On SQLite (the default storage). */
  public MemoryConfig(
      Path workspace,
      String embeddingProvider,
      String embeddingModel,
      int chunkSize,
      int chunkOverlap,
      List<IndexPath> paths,
      double vectorWeight,
      double textWeight,
      List<String> isolatedSilos,
      boolean mmr,
      double temporalDecayHalfLifeDays,
      int maxResults,
      String fusion,
      String vectorBackend,
      int embeddingBatchSize) {
    this(
        workspace,
        embeddingProvider,
        embeddingModel,
        chunkSize,
        chunkOverlap,
        paths,
        vectorWeight,
        textWeight,
        isolatedSilos,
        mmr,
        temporalDecayHalfLifeDays,
        maxResults,
        fusion,
        vectorBackend,
        embeddingBatchSize,
        MemoryStorage.SQLITE);
  }

  /** An extra index root: a directory (relative to the workspace, or absolute) and a glob. */
  public record IndexPath(String path, String pattern) {
    public IndexPath {
      ConfigChecks.notBlank("memory.paths.path", path);
      ConfigChecks.notBlank("memory.paths.pattern", pattern);
    }
  }

  /** The defaults, with the workspace given. */
  public static MemoryConfig defaults(Path workspace) {
    return new MemoryConfig(
        workspace,
        "local",
        DEFAULT_EMBEDDING_MODEL,
        400,
        80,
        List.of(new IndexPath("knowledge", "**/*.md")),
        0.5,
        0.5,
        List.of(),
        false,
        0,
        6,
        DEFAULT_FUSION,
        "auto",
        32);
  }
}
