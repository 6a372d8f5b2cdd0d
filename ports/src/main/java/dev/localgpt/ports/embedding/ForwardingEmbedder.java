package dev.localgpt.ports.embedding;

import java.util.List;

/**
 * An {@link Embedder} that hands every call to {@link #delegate()}, for decorators that change one
 * or two methods (a shared model that only its owner closes, a benchmark view of the query path):
 * none of them can forget {@link #embedQuery} and lose the model's query instruction.
 */
public interface ForwardingEmbedder extends Embedder {
  /** The embedder every call goes to unless overridden. */
  Embedder delegate();

  @Override
  default String modelId() {
    return delegate().modelId();
  }

  @Override
  default int dimension() {
    return delegate().dimension();
  }

  @Override
  default List<Embedding> embed(List<String> texts) {
    return delegate().embed(texts);
  }

  @Override
  default Embedding embedQuery(String query) {
    return delegate().embedQuery(query);
  }

  @Override
  default int tokenCount(String text) {
    return delegate().tokenCount(text);
  }

  @Override
  default int maxTokens() {
    return delegate().maxTokens();
  }
}
