package dev.localgpt.core.memory.eval;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * A benchmark embedder that returns a precomputed query vector, so search latency excludes the
 * model.
 */
public final class FixedQueryEmbedder implements Embedder {
  private final Supplier<Embedding> next;

  public FixedQueryEmbedder(Supplier<Embedding> next) {
    this.next = next;
  }

  @Override
  public String modelId() {
    return SyntheticCorpus.MODEL_ID;
  }

  @Override
  public int dimension() {
    return SyntheticCorpus.DIM;
  }

  @Override
  public List<Embedding> embed(List<String> texts) {
    return Collections.nCopies(texts.size(), next.get());
  }

  @Override
  public Embedding embedQuery(String query) {
    return next.get();
  }
}
