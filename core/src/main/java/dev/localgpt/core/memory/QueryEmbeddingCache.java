package dev.localgpt.core.memory;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.embedding.ForwardingEmbedder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link Embedder} that remembers the vectors of the last {@code capacity} queries it embedded
 * ({@link #embedQuery}, least recently used out first), so a query asked again (a retried question,
 * the web page's search box, an agent looking twice) does not run the model again. Documents
 * ({@link #embed}) pass through uncached: a model with a query instruction gives the same text
 * another vector as a document. Thread-safe; the model runs outside the lock, so concurrent queries
 * still embed in parallel.
 */
public final class QueryEmbeddingCache implements ForwardingEmbedder {
  /** Queries remembered by default: a few hundred vectors of 384 floats, well under a megabyte. */
  public static final int DEFAULT_CAPACITY = 256;

  private final Embedder delegate;
  private final Map<String, Embedding> recent;

  public QueryEmbeddingCache(Embedder delegate, int capacity) {
    this.delegate = Objects.requireNonNull(delegate, "'delegate' must not be null");
    if (capacity < 1) {
      throw new IllegalArgumentException("'capacity' must be > 0, was " + capacity);
    }
    this.recent =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Embedding> eldest) {
            return size() > capacity;
          }
        };
  }

  public QueryEmbeddingCache(Embedder delegate) {
    this(delegate, DEFAULT_CAPACITY);
  }

  @Override
  public Embedder delegate() {
    return delegate;
  }

  @Override
  public Embedding embedQuery(String query) {
    Objects.requireNonNull(query, "'query' must not be null");
    Embedding hit;
    synchronized (recent) {
      hit = recent.get(query);
    }
    if (hit != null) {
      return hit;
    }
    Embedding fresh = delegate.embedQuery(query);
    synchronized (recent) {
      recent.put(query, fresh);
    }
    return fresh;
  }
}
