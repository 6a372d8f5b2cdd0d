package dev.localgpt.core.memory;

import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.IndexException;
import dev.localgpt.ports.memory.IndexStats;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.NewChunk;
import dev.localgpt.ports.memory.PendingChunk;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Delegates to another index but fails on chosen calls: the Nth replaceFile, the Nth storeVectors,
 * or every search.
 */
final class FaultyIndex implements MemoryIndex {
  private final MemoryIndex delegate;
  private final int failOnReplace;
  private final IndexException.Kind kind;
  private boolean failSearches;
  private int replaces;
  private int failOnStore;
  private int stores;

  FaultyIndex(MemoryIndex delegate, int failOnReplace, IndexException.Kind kind) {
    this.delegate = delegate;
    this.failOnReplace = failOnReplace;
    this.kind = kind;
  }

  /** Also fail the {@code n}th {@link #storeVectors} call (1-based). */
  FaultyIndex failingStore(int n) {
    failOnStore = n;
    return this;
  }

  FaultyIndex failingSearches() {
    failSearches = true;
    return this;
  }

  @Override
  public Optional<String> chunkingVersion() {
    return delegate.chunkingVersion();
  }

  @Override
  public void useChunkingVersion(String version) {
    delegate.useChunkingVersion(version);
  }

  @Override
  public int schemaVersion() {
    return delegate.schemaVersion();
  }

  @Override
  public List<IndexedFile> files() {
    return delegate.files();
  }

  @Override
  public Optional<IndexedFile> file(String path) {
    return delegate.file(path);
  }

  @Override
  public void replaceFile(IndexedFile file, List<NewChunk> chunks) {
    if (++replaces == failOnReplace) {
      throw new IndexException(kind, "simulated failure on replaceFile #" + replaces, null);
    }
    delegate.replaceFile(file, chunks);
  }

  @Override
  public List<PendingChunk> chunksWithoutVector(int limit) {
    return delegate.chunksWithoutVector(limit);
  }

  @Override
  public void storeWindowVectors(Map<Long, List<Embedding>> byChunkId) {
    if (++stores == failOnStore) {
      throw new IndexException(kind, "simulated failure on storeVectors #" + stores, null);
    }
    delegate.storeWindowVectors(byChunkId);
  }

  @Override
  public void deleteFile(String path) {
    delegate.deleteFile(path);
  }

  @Override
  public List<ScoredChunk> keywordSearch(String text, int limit, SearchScope scope) {
    if (failSearches) {
      throw new IndexException(kind, "simulated failure on search", null);
    }
    return delegate.keywordSearch(text, limit, scope);
  }

  @Override
  public List<ScoredChunk> vectorSearch(Embedding query, int limit, SearchScope scope) {
    if (failSearches) {
      throw new IndexException(kind, "simulated failure on search", null);
    }
    return delegate.vectorSearch(query, limit, scope);
  }

  @Override
  public Map<String, Embedding> cachedEmbeddings(String modelId, Collection<String> textHashes) {
    return delegate.cachedEmbeddings(modelId, textHashes);
  }

  @Override
  public void cacheEmbeddings(String modelId, Map<String, Embedding> byTextHash) {
    delegate.cacheEmbeddings(modelId, byTextHash);
  }

  @Override
  public Optional<String> embeddingModel() {
    return delegate.embeddingModel();
  }

  @Override
  public void useEmbeddingModel(String modelId, int dimension) {
    delegate.useEmbeddingModel(modelId, dimension);
  }

  @Override
  public IndexStats stats() {
    return delegate.stats();
  }

  @Override
  public void close() {
    delegate.close();
  }
}
