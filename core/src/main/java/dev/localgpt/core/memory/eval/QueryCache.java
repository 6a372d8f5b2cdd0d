package dev.localgpt.core.memory.eval;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link Embedder} that remembers each text's vector, so a benchmark embeds every query once for
 * all its legs.
 */
public final class QueryCache implements Embedder {
  private final Embedder delegate;
  private final Map<String, Embedding> cache = new ConcurrentHashMap<>();

  public QueryCache(Embedder delegate) {
    this.delegate = delegate;
  }

  @Override
  public String modelId() {
    return delegate.modelId();
  }

  @Override
  public int dimension() {
    return delegate.dimension();
  }

  @Override
  public List<Embedding> embed(List<String> texts) {
    List<Embedding> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(cache.computeIfAbsent(t, x -> delegate.embed(List.of(x)).get(0)));
    }
    return out;
  }
}
