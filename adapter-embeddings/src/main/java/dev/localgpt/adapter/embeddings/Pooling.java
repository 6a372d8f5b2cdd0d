package dev.localgpt.adapter.embeddings;

/** How one vector is made from a model's per-token hidden states. */
enum Pooling {
  /**
   * The average of the hidden states of the real (unpadded) tokens, as sentence-transformers'
   * MiniLM.
   */
  MEAN,
  /** The hidden state of the first token, {@code [CLS]}, as the BGE models. */
  CLS
}
