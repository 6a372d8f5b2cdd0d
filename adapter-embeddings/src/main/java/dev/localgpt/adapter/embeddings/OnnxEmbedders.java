package dev.localgpt.adapter.embeddings;

/** Creates {@link OnnxEmbedder}s; nothing is loaded until the first {@code embed}. */
public final class OnnxEmbedders {
  /** Texts per onnxruntime run. */
  public static final int DEFAULT_BATCH_SIZE = 32;

  private OnnxEmbedders() {}

  /** An embedder for the default model, {@link EmbeddingModelChoice#DEFAULT}. */
  public static OnnxEmbedder create() {
    return create(EmbeddingModelChoice.DEFAULT);
  }

  /** An embedder for {@code choice}, batches of 32, one onnxruntime thread per available core. */
  public static OnnxEmbedder create(EmbeddingModelChoice choice) {
    return create(choice, DEFAULT_BATCH_SIZE, Runtime.getRuntime().availableProcessors());
  }

  /**
   * An embedder for {@code choice} with explicit settings.
   *
   * @param batchSize texts per onnxruntime run, > 0
   * @param threads onnxruntime intra-op threads, > 0
   */
  public static OnnxEmbedder create(EmbeddingModelChoice choice, int batchSize, int threads) {
    return new OnnxEmbedder(choice, batchSize, threads);
  }
}
