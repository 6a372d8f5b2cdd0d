package dev.localgpt.core.memory.eval;

import dev.localgpt.core.memory.HybridSearch;
import dev.localgpt.core.memory.SearchOptions;
import dev.localgpt.core.memory.SearchSettings;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.SearchScope;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Query latency over an index: hybrid search with precomputed query vectors (so the model is not timed), and the
 * keyword and vector legs of the index alone. Any {@link MemoryIndex} works, so two engines can be compared on the
 * same data.
 */
public final class SearchLatency {
  /** Hits per hybrid query. */
  public static final int LIMIT = 10;
  /** Candidates per leg when a leg runs alone (the hybrid search's 4 × {@link #LIMIT}). */
  public static final int CANDIDATES = 40;

  private SearchLatency() {}

  /** Hybrid search of {@code texts.get(i)} with query vector {@code vectors.get(i)}, for every i. */
  public static Latency hybrid(MemoryIndex index, List<Embedding> vectors, List<String> texts,
      SearchSettings settings) {
    int[] current = new int[1];
    FixedQueryEmbedder embedder = new FixedQueryEmbedder(() -> vectors.get(current[0]));
    HybridSearch search = new HybridSearch(() -> index, Optional.of(embedder), settings, Clock.systemUTC());
    return Latency.measure(vectors.size(), i -> {
      current[0] = i;
      search.search(texts.get(i), SearchOptions.limit(LIMIT));
    });
  }

  /** The index's vector k-NN alone. */
  public static Latency vector(MemoryIndex index, List<Embedding> vectors) {
    return Latency.measure(vectors.size(), i -> index.vectorSearch(vectors.get(i), CANDIDATES, SearchScope.all()));
  }

  /** The index's BM25 alone. */
  public static Latency keyword(MemoryIndex index, List<String> texts) {
    return Latency.measure(texts.size(), i -> index.keywordSearch(texts.get(i), CANDIDATES, SearchScope.all()));
  }

  /** Milliseconds of one vector query: the first one, which may load the vectors. */
  public static double firstVectorQueryMillis(MemoryIndex index, Embedding vector) {
    long t = System.nanoTime();
    index.vectorSearch(vector, CANDIDATES, SearchScope.all());
    return (System.nanoTime() - t) / 1e6;
  }
}
