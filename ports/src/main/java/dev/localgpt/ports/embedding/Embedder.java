package dev.localgpt.ports.embedding;

import java.util.List;

/**
 * Turns texts into L2-normalised vectors of {@link #dimension()} floats.
 *
 * <p>Implementations are thread-safe; {@link #embed} blocks while the model runs and may load the model lazily on
 * first use. Arguments and results are never null.
 */
public interface Embedder {

  /** A stable id of the model, e.g. {@code all-minilm-l6-v2-q}; part of the index, so changing it re-embeds. */
  String modelId();

  int dimension();

  /**
   * Embeds each text; the result has the same size and order as {@code texts}.
   *
   * @throws EmbeddingException if the model cannot be loaded or run
   */
  List<Embedding> embed(List<String> texts);
}
