package dev.localgpt.core.memory.eval;

import dev.localgpt.core.memory.HybridSearch;
import dev.localgpt.core.memory.SearchOptions;
import dev.localgpt.core.memory.SearchSettings;
import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.SearchScope;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Query latency over an index at a given hit limit: hybrid search with precomputed query vectors
 * (the model not timed) or with a real embedder (the query embedding timed as a user waits for it),
 * the embedder alone, and the keyword and vector legs of the index alone at the hybrid search's
 * candidate count. Any {@link MemoryIndex} works, so two engines can be compared on the same data.
 */
public final class SearchLatency {
  private final MemoryIndex index;
  private final SearchSettings settings;
  private final int limit;

  /**
   * @param limit hits per hybrid query (the product's default is {@code memory.max_results}); each
   *     leg alone fetches {@code limit × settings.candidateMultiplier()} candidates, as the hybrid
   *     search does
   */
  public SearchLatency(MemoryIndex index, SearchSettings settings, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("'limit' must be > 0, was " + limit);
    }
    this.index = index;
    this.settings = settings;
    this.limit = limit;
  }

  /** Candidates per leg. */
  public int candidates() {
    return limit * settings.candidateMultiplier();
  }

  /**
   * Hybrid search of {@code texts.get(i)} with query vector {@code vectors.get(i)}, for every i.
   */
  public Timing hybrid(List<Embedding> vectors, List<String> texts) {
    int[] current = new int[1];
    FixedQueryEmbedder embedder = new FixedQueryEmbedder(() -> vectors.get(current[0]));
    HybridSearch search =
        new HybridSearch(() -> index, Optional.of(embedder), settings, Clock.systemUTC());
    return Timing.measure(
        vectors.size(),
        i -> {
          current[0] = i;
          search.search(texts.get(i), SearchOptions.limit(limit));
        });
  }

  /** Hybrid search of every text, each embedded by {@code embedder} inside the timed call. */
  public Timing hybrid(Embedder embedder, List<String> texts) {
    HybridSearch search =
        new HybridSearch(() -> index, Optional.of(embedder), settings, Clock.systemUTC());
    return Timing.measure(
        texts.size(), i -> search.search(texts.get(i), SearchOptions.limit(limit)));
  }

  /** Embedding each text alone, as a search does. */
  public static Timing embedding(Embedder embedder, List<String> texts) {
    return Timing.measure(texts.size(), i -> embedder.embedQuery(texts.get(i)));
  }

  /** The index's vector k-NN alone. */
  public Timing vector(List<Embedding> vectors) {
    return Timing.measure(
        vectors.size(), i -> index.vectorSearch(vectors.get(i), candidates(), SearchScope.all()));
  }

  /** The index's BM25 alone. */
  public Timing keyword(List<String> texts) {
    return Timing.measure(
        texts.size(), i -> index.keywordSearch(texts.get(i), candidates(), SearchScope.all()));
  }

  /** Milliseconds of one vector query: the first one, which may load the vectors. */
  public double firstVectorQueryMillis(Embedding vector) {
    long t = System.nanoTime();
    index.vectorSearch(vector, candidates(), SearchScope.all());
    return (System.nanoTime() - t) / 1e6;
  }
}
