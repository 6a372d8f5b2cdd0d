package dev.localgpt.core.memory;

import dev.localgpt.ports.embedding.Embedder;
import java.util.Objects;

/**
 * How the chunker measures text: in the tokens of the model that embeds the chunks, so that a chunk
 * fits the model's window whole. Counts must add up over lines (texts split at line breaks).
 * Implementations are thread-safe.
 */
public interface TokenCounter {

  /** A stable name of the tokenizer, part of the chunking version (e.g. the embedding model id). */
  String id();

  /** Tokens of {@code text}, without special tokens; additive over lines. */
  int count(String text);

  /** The most tokens of a text that reach its vector; {@link Integer#MAX_VALUE} for no limit. */
  int window();

  /**
   * The tokenizer of {@code embedder} ({@link Embedder#tokenCount}, {@link Embedder#maxTokens}).
   */
  static TokenCounter of(Embedder embedder) {
    Objects.requireNonNull(embedder, "'embedder' must not be null");
    return new TokenCounter() {
      @Override
      public String id() {
        return embedder.modelId();
      }

      @Override
      public int count(String text) {
        return embedder.tokenCount(text);
      }

      @Override
      public int window() {
        return embedder.maxTokens();
      }
    };
  }
}
