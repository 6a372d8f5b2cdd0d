package dev.localgpt.cli.commands;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/** A benchmark embedder that returns a precomputed query vector, so search latency excludes the model. */
final class FixedQueryEmbedder implements Embedder {
  private final Supplier<Embedding> next;

  FixedQueryEmbedder(Supplier<Embedding> next) {
    this.next = next;
  }

  @Override
  public String modelId() {
    return "synthetic";
  }

  @Override
  public int dimension() {
    return SyntheticCorpus.DIM;
  }

  @Override
  public List<Embedding> embed(List<String> texts) {
    return Collections.nCopies(texts.size(), next.get());
  }
}
