package dev.localgpt.ports.embedding;

import java.util.List;

/**
 * Turns texts into L2-normalised vectors of {@link #dimension()} floats.
 *
 * <p>Implementations are thread-safe; {@link #embed} blocks while the model runs and may load the
 * model lazily on first use. Arguments and results are never null.
 */
public interface Embedder {

  /**
   * A stable id of the model, e.g. {@code all-minilm-l6-v2-q}; part of the index, so changing it
   * re-embeds.
   */
  String modelId();

  int dimension();

  /**
   * Embeds each text; the result has the same size and order as {@code texts}.
   *
   * @throws EmbeddingException if the model cannot be loaded or run
   */
  List<Embedding> embed(List<String> texts);

  /**
   * Embeds a search query, to be compared with vectors {@link #embed} made of documents. A model
   * trained for short-query to passage retrieval with a query instruction (bge's "Represent this
   * sentence for searching relevant passages: ") adds it here, and only here; the default embeds
   * the query as a document. Decorators must forward this method, or the instruction is lost.
   *
   * @throws EmbeddingException if the model cannot be loaded or run
   */
  default Embedding embedQuery(String query) {
    return embed(List.of(query)).get(0);
  }

  /**
   * How many of the model's own tokens {@code text} has, without the special tokens the model adds
   * around every text (such as {@code [CLS]} and {@code [SEP]}). Counts add up over pieces split at
   * whitespace, so a chunker can sum the counts of lines. Must not load the whole model; the
   * default counts whitespace-separated words (for fakes).
   *
   * @throws EmbeddingException if the tokenizer cannot be loaded
   */
  default int tokenCount(String text) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  /**
   * The most tokens of a text (as {@link #tokenCount} counts them) that reach its vector: the
   * model's window less its special tokens; the rest of a longer text is cut off. The default,
   * {@link Integer#MAX_VALUE}, means no window.
   */
  default int maxTokens() {
    return Integer.MAX_VALUE;
  }
}
