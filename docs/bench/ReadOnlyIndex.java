// A kept index seen through a harness: every read goes to d(), writes are refused or ignored, and a harness overrides
// the leg it replaces (vectorSearch, or both legs).

import dev.localgpt.ports.embedding.Embedding;
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

interface ReadOnlyIndex extends MemoryIndex {
  MemoryIndex d();

  default List<ScoredChunk> keywordSearch(String text, int limit, SearchScope scope) {
    return d().keywordSearch(text, limit, scope);
  }
  default List<ScoredChunk> vectorSearch(Embedding query, int limit, SearchScope scope) {
    return d().vectorSearch(query, limit, scope);
  }
  default int schemaVersion() { return d().schemaVersion(); }
  default List<IndexedFile> files() { return d().files(); }
  default Optional<IndexedFile> file(String path) { return d().file(path); }
  default void replaceFile(IndexedFile file, List<NewChunk> c) { throw new UnsupportedOperationException(); }
  default List<PendingChunk> chunksWithoutVector(int limit) { return d().chunksWithoutVector(limit); }
  default void storeWindowVectors(Map<Long, List<Embedding>> v) { throw new UnsupportedOperationException(); }
  default void deleteFile(String path) { throw new UnsupportedOperationException(); }
  default Map<String, Embedding> cachedEmbeddings(String m, Collection<String> h) { return d().cachedEmbeddings(m, h); }
  default void cacheEmbeddings(String m, Map<String, Embedding> v) { }
  default Optional<String> embeddingModel() { return d().embeddingModel(); }
  default void useEmbeddingModel(String m, int dim) { }
  default IndexStats stats() { return d().stats(); }
  default void close() { }
}
