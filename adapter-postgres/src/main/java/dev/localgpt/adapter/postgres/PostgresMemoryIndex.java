package dev.localgpt.adapter.postgres;

import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.IndexStats;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.NewChunk;
import dev.localgpt.ports.memory.PendingChunk;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link MemoryIndex} of one workspace in a shared PostgreSQL database: {@code tsvector} (english)
 * + GIN with {@code ts_rank} for keywords, pgvector HNSW (cosine) for k-NN, an embedding cache.
 * Every row carries the workspace id; writes, file lists, stats and the cache touch the own
 * workspace only, searches the own workspace plus the {@code readable} ones (shared knowledge
 * bases), never any other. Thread-safe (pooled connections); any number of processes may open the
 * same workspace.
 */
public final class PostgresMemoryIndex implements MemoryIndex {
  /** Workspace ids: letters, digits, {@code . _ -}, at most 64. */
  private static final java.util.regex.Pattern WORKSPACE_ID =
      java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private static final Vectors VECTORS = new Vectors();

  private final PostgresDatabase db;
  private final boolean ownsDatabase;
  private final String workspace;
  private final Set<String> readable;
  private final ChunkWriter writer;
  private final ChunkReader reader;
  private final FileBuffer bulk;

  private PostgresMemoryIndex(
      PostgresDatabase db,
      boolean ownsDatabase,
      String workspace,
      Set<String> readable,
      boolean bulkLoad) {
    this.db = db;
    this.ownsDatabase = ownsDatabase;
    this.workspace = workspace;
    this.readable = readable;
    this.writer = new ChunkWriter(db, workspace, VECTORS, bulkLoad);
    this.reader = new ChunkReader(db, workspace, readable);
    this.bulk = bulkLoad ? new FileBuffer(writer) : null;
  }

  /**
   * The index of {@code workspace} on a database shared with other indexes; closing the index
   * leaves the database open.
   *
   * @param readable other workspaces whose chunks searches also return (read-only)
   */
  public static PostgresMemoryIndex open(
      PostgresDatabase db, String workspace, Set<String> readable) {
    Objects.requireNonNull(db, "'db' must not be null");
    return new PostgresMemoryIndex(
        db, false, checkWorkspace(workspace), checkReadable(readable), false);
  }

  /** Opens its own database (pool + migrations) for one workspace; closing the index closes it. */
  public static PostgresMemoryIndex open(PostgresOptions options, String workspace) {
    String id = checkWorkspace(workspace);
    return new PostgresMemoryIndex(PostgresDatabase.open(options), true, id, Set.of(), false);
  }

  /**
   * A writer for a first full index of this workspace (a migration, a fresh re-index, a benchmark
   * fill): the same index, but {@link #replaceFile} collects files and writes them in large
   * transactions, and an HNSW index that does not exist yet is built once over all rows when the
   * loader is closed rather than grown row by row (on PGlite 68 s instead of 17 min for 10k 384-d
   * chunks). Closing it also refreshes the planner's statistics. Anything else asked of the loader
   * first writes what it has collected. Closing the loader leaves this index open.
   */
  public PostgresMemoryIndex bulkLoad() {
    return new PostgresMemoryIndex(db, false, workspace, readable, true);
  }

  /** Checks a workspace id; throws naming the allowed form. */
  public static String checkWorkspace(String workspace) {
    Objects.requireNonNull(workspace, "'workspace' must not be null");
    if (!WORKSPACE_ID.matcher(workspace).matches()) {
      throw new IllegalArgumentException(
          "workspace id must be 1-64 letters, digits, '.', '_' or '-', was '" + workspace + "'");
    }
    return workspace;
  }

  private static Set<String> checkReadable(Set<String> readable) {
    readable.forEach(PostgresMemoryIndex::checkWorkspace);
    return Set.copyOf(readable);
  }

  /** The workspace this index writes. */
  public String workspace() {
    return workspace;
  }

  @Override
  public int schemaVersion() {
    return db.schemaVersion();
  }

  @Override
  public List<IndexedFile> files() {
    flush();
    return reader.files();
  }

  @Override
  public Optional<IndexedFile> file(String path) {
    flush();
    return reader.file(Objects.requireNonNull(path, "'path' must not be null"));
  }

  @Override
  public void replaceFile(IndexedFile file, List<NewChunk> chunks) {
    Objects.requireNonNull(file, "'file' must not be null");
    if (bulk != null) {
      bulk.add(file, List.copyOf(chunks));
    } else {
      writer.replaceFiles(List.of(Map.entry(file, List.copyOf(chunks))));
    }
  }

  @Override
  public List<PendingChunk> chunksWithoutVector(int limit) {
    flush();
    checkLimit(limit);
    return reader.chunksWithoutVector(limit);
  }

  @Override
  public void storeWindowVectors(Map<Long, List<Embedding>> byChunkId) {
    flush();
    Map<Long, List<Embedding>> copy = new HashMap<>();
    byChunkId.forEach((id, windows) -> copy.put(id, List.copyOf(windows)));
    writer.storeWindowVectors(copy);
  }

  @Override
  public void deleteFile(String path) {
    flush();
    writer.deleteFile(Objects.requireNonNull(path, "'path' must not be null"));
  }

  @Override
  public List<ScoredChunk> keywordSearch(String text, int limit, SearchScope scope) {
    flush();
    Objects.requireNonNull(text, "'text' must not be null");
    Objects.requireNonNull(scope, "'scope' must not be null");
    checkLimit(limit);
    return reader.keywordSearch(text, limit, scope);
  }

  @Override
  public List<ScoredChunk> vectorSearch(Embedding query, int limit, SearchScope scope) {
    flush();
    Objects.requireNonNull(query, "'query' must not be null");
    Objects.requireNonNull(scope, "'scope' must not be null");
    checkLimit(limit);
    return reader.vectorSearch(query.toArray(), limit, scope);
  }

  @Override
  public Map<String, Embedding> cachedEmbeddings(String modelId, Collection<String> textHashes) {
    Objects.requireNonNull(modelId, "'modelId' must not be null");
    return reader.cachedEmbeddings(modelId, List.copyOf(textHashes));
  }

  @Override
  public void cacheEmbeddings(String modelId, Map<String, Embedding> byTextHash) {
    Objects.requireNonNull(modelId, "'modelId' must not be null");
    writer.cacheEmbeddings(modelId, Map.copyOf(byTextHash));
  }

  @Override
  public Optional<String> embeddingModel() {
    return db.read("read embedding model", c -> Meta.get(c, workspace, Meta.EMBEDDING_MODEL));
  }

  @Override
  public void useEmbeddingModel(String modelId, int dimension) {
    flush();
    Objects.requireNonNull(modelId, "'modelId' must not be null");
    if (modelId.isBlank()) {
      throw new IllegalArgumentException("'modelId' must not be blank");
    }
    if (dimension < 1) {
      throw new IllegalArgumentException("'dimension' must be > 0, was " + dimension);
    }
    writer.useEmbeddingModel(modelId, dimension);
  }

  @Override
  public Optional<String> chunkingVersion() {
    return db.read("read the chunking version", c -> Meta.get(c, workspace, Meta.CHUNKING));
  }

  @Override
  public void useChunkingVersion(String version) {
    Objects.requireNonNull(version, "'version' must not be null");
    db.transaction(
        "record the chunking version",
        c -> {
          Meta.put(c, workspace, Meta.CHUNKING, version);
          return null;
        });
  }

  @Override
  public IndexStats stats() {
    flush();
    int[] counts = reader.counts();
    return new IndexStats(
        counts[0],
        counts[1],
        counts[2],
        reader.sizeBytes(),
        embeddingModel().orElse(""),
        vectorBackend());
  }

  /**
   * {@code EXPLAIN (ANALYZE)} of the statement {@link #vectorSearch} runs for these arguments, with
   * the same settings: which index (or exact scan) answers, and how long it took.
   */
  public String explainVectorSearch(Embedding query, int limit, SearchScope scope) {
    Objects.requireNonNull(query, "'query' must not be null");
    Objects.requireNonNull(scope, "'scope' must not be null");
    checkLimit(limit);
    flush();
    return reader.explainVectorSearch(query.toArray(), limit, scope);
  }

  /**
   * Refreshes the planner's statistics of the chunk table, as autovacuum does on a server after
   * enough writes (PGlite has no autovacuum). Without them PostgreSQL takes the workspace filter
   * for selective and answers k-NN by an exact scan instead of the HNSW index.
   */
  public void analyze() {
    flush();
    reader.analyze();
  }

  private void flush() {
    if (bulk != null) {
      bulk.flush();
    }
  }

  /** How k-NN runs: pgvector's HNSW index. */
  public String vectorBackend() {
    return "pgvector-hnsw";
  }

  /** Drops every row of this workspace (files, chunks, vectors, cache, model). */
  public void clear() {
    flush();
    writer.clear();
  }

  private static void checkLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("'limit' must be > 0, was " + limit);
    }
  }

  @Override
  public void close() {
    try {
      if (bulk != null) {
        bulk.flush();
        writer.finishDeferred();
        reader.analyze();
      }
    } finally {
      if (ownsDatabase) {
        db.close();
      }
    }
  }
}
