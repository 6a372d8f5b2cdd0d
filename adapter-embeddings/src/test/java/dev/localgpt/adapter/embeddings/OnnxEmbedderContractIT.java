package dev.localgpt.adapter.embeddings;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.EmbedderContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The ports' {@link EmbedderContract} on the default ONNX model (loads it once: a few seconds,
 * hence an IT).
 */
class OnnxEmbedderContractIT extends EmbedderContract {
  private static OnnxEmbedder embedder;

  @BeforeAll
  static void load() {
    embedder = OnnxEmbedders.create(EmbeddingModelChoice.ALL_MINILM_L6_V2_Q, 32, 2);
  }

  @AfterAll
  static void close() {
    embedder.close();
  }

  @Override
  protected Embedder embedder() {
    return embedder;
  }
}
