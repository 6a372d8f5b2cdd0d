package dev.localgpt.adapter.sqlite;

import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.IndexException;
import dev.localgpt.ports.memory.IndexStats;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.NewChunk;
import dev.localgpt.ports.memory.PendingChunk;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import dev.localgpt.ports.text.QueryTerms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link MemoryIndex} in one SQLite file (WAL): FTS5 BM25 for keywords (answered from an in-memory
 * copy with the same scores once a long-lived process has built it, {@link JavaKeywords}),
 * sqlite-vec or a Java brute-force k-NN for vectors, and an embedding cache. Commits by another
 * process are noticed on the next search and drop the in-memory structures, which load again.
 * Thread-safe: one writer connection behind a lock, pooled readers.
 *
 * <p>Opening a damaged or non-SQLite file throws {@link IndexException} of kind {@code CORRUPT};
 * the caller deletes the file and rebuilds the index from the Markdown.
 */
public final class SqliteMemoryIndex implements MemoryIndex {
  private final Database db;
  private final AtomicReference<IndexState> state;
  private final JavaKnn knn = new JavaKnn();
  private final JavaKeywords keywords;
  private final ExternalWrites external;
  private final ChunkWriter writer;
  private final ChunkReader reader;
  private final VectorSearch vectors;

  /** Keyword searches of this process before the in-memory keyword index is built. */
  static final int KEYWORD_BUILD_AFTER = 2;

  private SqliteMemoryIndex(Database db, IndexState initial) {
    this.db = db;
    this.state = new AtomicReference<>(initial);
    this.keywords = new JavaKeywords(db, KEYWORD_BUILD_AFTER);
    this.external = new ExternalWrites(db);
    this.writer = new ChunkWriter(db, state, knn, keywords);
    this.reader = new ChunkReader(db);
    this.vectors = new VectorSearch(db, state, knn, reader);
  }

  /**
   * How the Java k-NN's int8 scan runs in this JVM: {@code scalar}, or the Vector API when the JVM
   * was started with {@code --add-modules jdk.incubator.vector} (for benchmark output).
   */
  public static String int8Scan() {
    return DotProducts.INT8.name();
  }

  /**
   * Frees the SQLite page caches of every index open in this process (each connection's, up to 16
   * MB, filled by searches); they refill from the file on demand. For a long-running process that
   * has gone idle, e.g. the daemon.
   */
  public static void releaseIdleCaches() {
    Database.releaseAllCaches();
  }

  /**
   * Opens (creating if needed) the index at {@code dbFile} with {@link SqliteOptions#defaults()}.
   */
  public static SqliteMemoryIndex open(Path dbFile) {
    return open(dbFile, SqliteOptions.defaults());
  }

  /**
   * Opens (creating if needed) the index at {@code dbFile}, migrating its schema to the latest
   * version. The file and its {@code -wal}/{@code -shm} are owner-only (0600), a directory created
   * for it 0700.
   */
  public static SqliteMemoryIndex open(Path dbFile, SqliteOptions options) {
    Objects.requireNonNull(dbFile, "'dbFile' must not be null");
    Objects.requireNonNull(options, "'options' must not be null");
    try {
      PrivateDatabaseFiles.prepare(dbFile);
    } catch (IOException e) {
      throw new IndexException(
          IndexException.Kind.FAILED,
          "memory index: cannot create " + dbFile + " or its directory: " + e.getMessage(),
          e);
    }
    Database db =
        Database.open(
            dbFile,
            (int) options.busyTimeout().toMillis(),
            options.sqliteVec().orElse(null),
            options.readers());
    try {
      return new SqliteMemoryIndex(db, db.write("open", () -> initialState(db)));
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * Reads the vector state from {@code meta} and rebuilds {@code chunks_vec} if it is missing or
   * stale.
   */
  private static IndexState initialState(Database db) throws SQLException {
    Connection c = db.writer();
    String model = Meta.get(c, Meta.EMBEDDING_MODEL).orElse("");
    int dims = Meta.get(c, Meta.EMBEDDING_DIMS).map(Integer::parseInt).orElse(0);
    boolean onDisk = Database.tableExists(c, Vec0Knn.TABLE);
    boolean stale = Meta.get(c, Meta.VEC_STALE).isPresent();
    if (db.vecLoaded() && dims > 0 && (!onDisk || stale)) {
      Vec0Knn.rebuild(c, dims);
      Meta.remove(c, Meta.VEC_STALE);
      onDisk = true;
    }
    return new IndexState(model, dims, db.vecLoaded() && dims > 0, onDisk);
  }

  @Override
  public int schemaVersion() {
    return db.read("read schema version", Schema::version);
  }

  @Override
  public List<IndexedFile> files() {
    return reader.files();
  }

  @Override
  public Optional<IndexedFile> file(String path) {
    return reader.file(Objects.requireNonNull(path, "'path' must not be null"));
  }

  @Override
  public void replaceFile(IndexedFile file, List<NewChunk> chunks) {
    Objects.requireNonNull(file, "'file' must not be null");
    writer.replaceFile(file, List.copyOf(chunks));
  }

  @Override
  public List<PendingChunk> chunksWithoutVector(int limit) {
    checkLimit(limit);
    return reader.chunksWithoutVector(limit);
  }

  @Override
  public void storeWindowVectors(Map<Long, List<Embedding>> byChunkId) {
    Map<Long, List<Embedding>> copy = new HashMap<>();
    byChunkId.forEach((id, windows) -> copy.put(id, List.copyOf(windows)));
    writer.storeWindowVectors(copy);
  }

  @Override
  public void deleteFile(String path) {
    writer.deleteFile(Objects.requireNonNull(path, "'path' must not be null"));
  }

  @Override
  public List<ScoredChunk> keywordSearch(String text, int limit, SearchScope scope) {
    Objects.requireNonNull(text, "'text' must not be null");
    Objects.requireNonNull(scope, "'scope' must not be null");
    checkLimit(limit);
    dropCachesIfChangedElsewhere();
    List<TopK.Hit> hits = keywords.search(QueryTerms.selected(text), limit, scope);
    return hits != null ? reader.keywordChunks(hits) : reader.keywordSearch(text, limit, scope);
  }

  /** The keyword leg through FTS5, whatever the in-memory index (parity tests). */
  List<ScoredChunk> ftsKeywordSearch(String text, int limit, SearchScope scope) {
    return reader.keywordSearch(text, limit, scope);
  }

  /**
   * Another process's commits (a CLI indexing while the daemon runs) are not mirrored into the
   * in-memory structures: when there were any, drop them, to be loaded again.
   */
  private void dropCachesIfChangedElsewhere() {
    external.check(
        () -> {
          knn.unload();
          keywords.invalidate();
        });
  }

  /**
   * Which path answers the keyword leg now ({@code fts5} or {@code java}), with the in-memory
   * index's size and build time: for benchmark and status output.
   */
  public String keywordPath() {
    return keywords.describe();
  }

  /**
   * Builds the in-memory keyword index now if it is not there (normally it is built in the
   * background from the second keyword search on); returns {@link #keywordPath()}.
   */
  public String buildKeywordIndex() {
    return keywords.buildNow();
  }

  /**
   * Whether the in-memory keyword index may answer (default true); false makes FTS5 answer every
   * keyword search (for comparing the two in benchmarks).
   */
  public void useJavaKeywords(boolean on) {
    keywords.enabled(on);
  }

  /** Test hook: runs in the keyword index's build after its snapshot is read. */
  void afterKeywordSnapshot(Runnable hook) {
    keywords.afterSnapshot = hook;
  }

  /** Test hook: the free heap the keyword index's build assumes (negative: the JVM's). */
  void assumeFreeHeapForKeywords(long bytes) {
    keywords.assumedFreeHeap = bytes;
  }

  /** Test hook: the keyword searches before the in-memory index is built in the background. */
  void buildKeywordsAfter(int searches) {
    keywords.startAfter(searches);
  }

  @Override
  public List<ScoredChunk> vectorSearch(Embedding query, int limit, SearchScope scope) {
    Objects.requireNonNull(query, "'query' must not be null");
    Objects.requireNonNull(scope, "'scope' must not be null");
    checkLimit(limit);
    dropCachesIfChangedElsewhere();
    return vectors.search(query.toArray(), limit, scope);
  }

  /**
   * k-NN with the Java brute force, whatever the active backend (benchmarks and backend comparison
   * tests).
   */
  List<ScoredChunk> javaVectorSearch(Embedding query, int limit, SearchScope scope) {
    return vectors.java(query.toArray(), limit, scope);
  }

  /** k-NN with sqlite-vec; empty when it is not active. */
  List<ScoredChunk> vec0VectorSearch(Embedding query, int limit, SearchScope scope) {
    if (!state.get().vecActive()) {
      return List.of();
    }
    List<ScoredChunk> hits = vectors.vec0(query.toArray(), limit, scope);
    return hits == null ? List.of() : hits;
  }

  @Override
  public Map<String, Embedding> cachedEmbeddings(String modelId, Collection<String> textHashes) {
    Objects.requireNonNull(modelId, "'modelId' must not be null");
    return reader.cachedEmbeddings(modelId, textHashes);
  }

  @Override
  public void cacheEmbeddings(String modelId, Map<String, Embedding> byTextHash) {
    Objects.requireNonNull(modelId, "'modelId' must not be null");
    writer.cacheEmbeddings(modelId, Map.copyOf(byTextHash));
  }

  @Override
  public Optional<String> embeddingModel() {
    String model = state.get().model();
    return model.isEmpty() ? Optional.empty() : Optional.of(model);
  }

  @Override
  public void useEmbeddingModel(String modelId, int dimension) {
    Objects.requireNonNull(modelId, "'modelId' must not be null");
    if (modelId.isBlank()) {
      throw new IllegalArgumentException("'modelId' must not be blank");
    }
    writer.useEmbeddingModel(modelId, dimension);
  }

  @Override
  public Optional<String> chunkingVersion() {
    return db.read("read the chunking version", c -> Meta.get(c, Meta.CHUNKING));
  }

  @Override
  public void useChunkingVersion(String version) {
    Objects.requireNonNull(version, "'version' must not be null");
    db.write(
        "record the chunking version",
        () -> {
          Meta.put(db.writer(), Meta.CHUNKING, version);
          return null;
        });
  }

  @Override
  public IndexStats stats() {
    int[] counts = reader.counts();
    IndexState s = state.get();
    return new IndexStats(
        counts[0], counts[1], counts[2], sizeOnDisk(), s.model(), vectorBackend());
  }

  /** {@code sqlite-vec} when the extension is loaded, else {@code java}. */
  public String vectorBackend() {
    return db.vecLoaded() ? "sqlite-vec" : "java";
  }

  private long sizeOnDisk() {
    long size = 0;
    for (String suffix : new String[] {"", "-wal"}) {
      Path p = Path.of(db.file().toAbsolutePath() + suffix);
      try {
        size += Files.exists(p) ? Files.size(p) : 0;
      } catch (IOException e) {
        // Racing with a checkpoint; the size is informational.
      }
    }
    return size;
  }

  /**
   * Hands every file with its chunks (vectors included, null where none is stored yet) to {@code
   * files}, then the embedding cache per model in batches to {@code cache}: what {@code memory
   * migrate} copies into another store.
   */
  public void export(
      java.util.function.BiConsumer<IndexedFile, List<NewChunk>> files,
      java.util.function.BiConsumer<String, Map<String, Embedding>> cache) {
    IndexExport export = new IndexExport(db);
    export.files(files);
    export.cache(1000, cache);
  }

  /** Test and benchmark hook: the keyword rows written before a merge is considered. */
  void mergeKeywordsAfter(int rows) {
    writer.merger.policy.minRows = rows;
  }

  /** Benchmark hook: runs {@code body} on a reader connection. */
  <T> T readForBenchmark(Database.ConnectionBody<T> body) {
    return db.read("benchmark read", body);
  }

  /** Benchmark hook: what a pause in the writes does (merges what a run left pending). */
  void mergePendingKeywords() {
    writer.merger.finishRun();
  }

  /** Benchmark hook: merges the keyword index into one FTS5 segment now. */
  void optimizeKeywords() {
    writer.merger.optimize();
  }

  /** Test hook: runs inside every replaceFile transaction just before its commit. */
  void beforeCommit(Runnable hook) {
    writer.beforeCommit = hook;
  }

  private static void checkLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("'limit' must be > 0, was " + limit);
    }
  }

  /**
   * Closes the index; a bulk run's keyword rows ({@link FtsMaintenance#MIN_ROWS} or more since the
   * last merge) are merged into one FTS5 segment first, best effort ({@link KeywordMerger}).
   */
  @Override
  public void close() {
    keywords.close();
    writer.merger.close();
    db.close();
  }
}
