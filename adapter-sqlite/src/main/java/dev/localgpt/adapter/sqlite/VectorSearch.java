package dev.localgpt.adapter.sqlite;

import dev.localgpt.adapter.sqlite.TopK.Hit;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * k-NN over the stored window vectors, each chunk scored by its best window ({@link WindowKeys}):
 * sqlite-vec when its table is active, the in-memory Java matrix otherwise. With a scope filter,
 * sqlite-vec over-fetches and filters, growing {@code k}; if that cannot fill the limit, the Java
 * matrix answers.
 */
final class VectorSearch {
  private final Database db;
  private final AtomicReference<IndexState> state;
  private final JavaKnn knn;
  private final ChunkReader reader;

  VectorSearch(Database db, AtomicReference<IndexState> state, JavaKnn knn, ChunkReader reader) {
    this.db = db;
    this.state = state;
    this.knn = knn;
    this.reader = reader;
  }

  List<ScoredChunk> search(float[] query, int limit, SearchScope scope) {
    IndexState s = state.get();
    if (s.dims() == 0) {
      return List.of();
    }
    checkDimension(query, s.dims());
    if (s.vecActive() && limit <= Vec0Knn.MAX_K) {
      List<ScoredChunk> hits = vec0(query, limit, scope);
      if (hits != null) {
        return hits;
      }
    }
    return java(query, limit, scope);
  }

  /** The Java brute-force answer, loading the matrix on first use. */
  List<ScoredChunk> java(float[] query, int limit, SearchScope scope) {
    IndexState s = state.get();
    if (s.dims() == 0) {
      return List.of();
    }
    checkDimension(query, s.dims());
    ensureLoaded();
    int k = limit;
    while (true) {
      Hit[] hits = knn.search(query, k, scope);
      List<Hit> chunks = WindowKeys.bestPerChunk(Arrays.asList(hits));
      if (chunks.size() >= limit || hits.length < k || k >= Integer.MAX_VALUE / 4) {
        return reader.resolve(chunks, limit, scope);
      }
      k *= 4; // several of the best windows belong to one chunk: look further
    }
  }

  /**
   * The sqlite-vec answer, or null when the over-fetch could not fill {@code limit} from a scoped
   * search.
   */
  List<ScoredChunk> vec0(float[] query, int limit, SearchScope scope) {
    boolean scoped = !scope.include().isEmpty() || !scope.exclude().isEmpty();
    int k = scoped ? Math.min(Vec0Knn.MAX_K, Math.max(64, limit * 8)) : limit;
    while (true) {
      int kk = k;
      List<Hit> hits = db.read("vector search", c -> Vec0Knn.search(c, query, kk));
      List<ScoredChunk> found = reader.resolve(WindowKeys.bestPerChunk(hits), limit, scope);
      if (found.size() >= limit || hits.size() < k) {
        return found;
      }
      if (k == Vec0Knn.MAX_K) {
        return null;
      }
      k = Math.min(Vec0Knn.MAX_K, k * 4);
    }
  }

  private void ensureLoaded() {
    if (knn.isLoaded()) {
      return;
    }
    db.exclusive(
        () -> {
          if (!knn.isLoaded()) {
            knn.reset(state.get().dims());
            knn.reserve(ChunkReader.vectorCount(db.writer()));
            ChunkReader.loadVectors(db.writer(), batch -> knn.apply(List.of(), batch));
          }
          return null;
        });
  }

  private static void checkDimension(float[] query, int dims) {
    if (query.length != dims) {
      throw new IllegalArgumentException(
          "query vector has "
              + query.length
              + " dimensions but the index holds "
              + dims
              + "-dimensional vectors");
    }
  }
}
