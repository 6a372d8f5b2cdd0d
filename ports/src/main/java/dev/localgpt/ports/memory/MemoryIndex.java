package dev.localgpt.ports.memory;

import dev.localgpt.ports.embedding.Embedding;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores the chunks of the workspace's Markdown files and searches them by keywords (BM25) and by
 * vectors (k-NN). The index is derived data: losing it loses nothing, the indexer rebuilds it from
 * the files.
 *
 * <p>Implementations are thread-safe: searches may run while another thread writes. All methods
 * block on I/O, never return null and throw {@link IndexException} on failure. Arguments must not
 * be null.
 */
public interface MemoryIndex extends AutoCloseable {

  /** The schema version of the store; bumped by migrations. */
  int schemaVersion();

  /** Every indexed file. */
  List<IndexedFile> files();

  Optional<IndexedFile> file(String path);

  /**
   * Replaces everything stored for {@code file.path()} with {@code chunks}, atomically: after a
   * crash either the old or the new state is there, never a mix.
   */
  void replaceFile(IndexedFile file, List<NewChunk> chunks);

  /**
   * Up to {@code limit} stored chunks that have no vector, lowest id first (so repeated calls make
   * progress as vectors are stored). Indexing writes keyword rows first and vectors later; this is
   * how the vector phase, or the next run after an interruption, finds its work.
   */
  List<PendingChunk> chunksWithoutVector(int limit);

  /**
   * Sets one vector per stored chunk: {@link #storeWindowVectors} with a single window each.
   *
   * @throws IllegalArgumentException if a vector's dimension differs from the stored ones
   */
  default void storeVectors(Map<Long, Embedding> byChunkId) {
    Map<Long, List<Embedding>> windows = new HashMap<>();
    byChunkId.forEach((id, v) -> windows.put(id, List.of(v)));
    storeWindowVectors(windows);
  }

  /**
   * Sets the vectors of stored chunks, one per window of the chunk's text (a chunk longer than the
   * embedding model's window is embedded window by window, so all its text counts), in one
   * transaction, keeping vector search in sync: {@link #vectorSearch} scores a chunk by its best
   * window. Storing again replaces all of a chunk's windows. Ids that are no longer stored (the
   * file was re-indexed or deleted meanwhile) are ignored.
   *
   * @throws IllegalArgumentException if a chunk has no window or a vector's dimension differs from
   *     the stored ones
   */
  void storeWindowVectors(Map<Long, List<Embedding>> byChunkId);

  /** Removes a file and its chunks; a no-op for an unknown path. */
  void deleteFile(String path);

  /**
   * Full-text search with BM25 ranking. {@code text} is the user's raw text: implementations escape
   * it, so query syntax never reaches the engine; terms are OR-ed and ranked. Blank text gives an
   * empty list. Scores are on BM25's scale (positive, higher is better): a rare word matched once
   * scores well above 0.25, so callers can judge a hit's relevance the same way on every engine.
   */
  List<ScoredChunk> keywordSearch(String text, int limit, SearchScope scope);

  /**
   * The {@code limit} stored chunks nearest to {@code query} by cosine similarity, best first; a
   * chunk with several window vectors scores as its best window and appears once.
   */
  List<ScoredChunk> vectorSearch(Embedding query, int limit, SearchScope scope);

  /**
   * Cached vectors for the given text hashes under {@code modelId}; absent hashes are missing from
   * the map.
   */
  Map<String, Embedding> cachedEmbeddings(String modelId, Collection<String> textHashes);

  void cacheEmbeddings(String modelId, Map<String, Embedding> byTextHash);

  /** The model id the stored vectors belong to, if any vectors were ever stored. */
  Optional<String> embeddingModel();

  /**
   * Declares the embedding model. If it differs from {@link #embeddingModel()}, every file and
   * chunk is dropped so that the next indexing run re-embeds with the new model (the embedding
   * cache is kept, it is keyed by model).
   */
  void useEmbeddingModel(String modelId, int dimension);

  /**
   * The version of the chunking the stored chunks were cut with, as last recorded by {@link
   * #useChunkingVersion}; empty for a new index or one built before versions were recorded. The
   * default records nothing, so an index that does not override both methods has every file
   * re-chunked on each indexing run.
   */
  default Optional<String> chunkingVersion() {
    return Optional.empty();
  }

  /**
   * Records the chunking version once every stored file has been chunked with it; survives
   * reopening.
   */
  default void useChunkingVersion(String version) {}

  IndexStats stats();

  @Override
  void close();
}
