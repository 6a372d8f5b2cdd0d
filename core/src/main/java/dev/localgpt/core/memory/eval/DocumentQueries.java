package dev.localgpt.core.memory.eval;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.embedding.ForwardingEmbedder;
import java.util.List;
import java.util.Objects;

/**
 * A benchmark view of an embedder that embeds queries as documents, without the model's query
 * instruction ({@link Embedder#embedQuery}), so a run can measure what the instruction brings on
 * the same index. Everything else is the model's own.
 */
public record DocumentQueries(Embedder delegate) implements ForwardingEmbedder {
  public DocumentQueries {
    Objects.requireNonNull(delegate, "'delegate' must not be null");
  }

  /** The query embedded as {@link #embed} embeds a document. */
  @Override
  public Embedding embedQuery(String query) {
    return delegate.embed(List.of(query)).get(0);
  }
}
