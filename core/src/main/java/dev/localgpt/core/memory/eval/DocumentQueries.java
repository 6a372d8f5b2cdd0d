package dev.localgpt.core.memory.eval;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import java.util.List;
import java.util.Objects;

/**
 * A benchmark view of an embedder that embeds queries as documents, without the model's query
 * instruction ({@link Embedder#embedQuery}), so a run can measure what the instruction brings on
 * the same index. Everything else is the model's own.
 */
public record DocumentQueries(Embedder model) implements Embedder {
  public DocumentQueries {
    Objects.requireNonNull(model, "'model' must not be null");
  }

  @Override
  public String modelId() {
    return model.modelId();
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public List<Embedding> embed(List<String> texts) {
    return model.embed(texts);
  }

  /** The query embedded as {@link #embed} embeds a document. */
  @Override
  public Embedding embedQuery(String query) {
    return model.embed(List.of(query)).get(0);
  }

  @Override
  public int tokenCount(String text) {
    return model.tokenCount(text);
  }

  @Override
  public int maxTokens() {
    return model.maxTokens();
  }
}
