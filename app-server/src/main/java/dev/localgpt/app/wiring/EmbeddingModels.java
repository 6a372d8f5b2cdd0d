package dev.localgpt.app.wiring;

import dev.localgpt.adapter.embeddings.EmbeddingModelChoice;
import dev.localgpt.core.config.ConfigException;
import dev.localgpt.core.config.ConfigProblem;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Maps {@code memory.embedding_provider} and {@code memory.embedding_model} to a local model. The
 * Rust LocalGPT's default name {@code all-MiniLM-L6-v2} means the int8 MiniLM (same vectors up to
 * quantisation noise, 3× faster); the fp32 build is {@code all-minilm-l6-v2-fp32}.
 */
public final class EmbeddingModels {
  private static final Map<String, EmbeddingModelChoice> ALIASES =
      Map.ofEntries(
          Map.entry("all-minilm-l6-v2", EmbeddingModelChoice.ALL_MINILM_L6_V2_Q),
          Map.entry(
              "sentence-transformers/all-minilm-l6-v2", EmbeddingModelChoice.ALL_MINILM_L6_V2_Q),
          Map.entry("all-minilm-l6-v2-q", EmbeddingModelChoice.ALL_MINILM_L6_V2_Q),
          Map.entry("minilm", EmbeddingModelChoice.ALL_MINILM_L6_V2_Q),
          Map.entry("minilm-q", EmbeddingModelChoice.ALL_MINILM_L6_V2_Q),
          Map.entry("all-minilm-l6-v2-fp32", EmbeddingModelChoice.ALL_MINILM_L6_V2),
          Map.entry("minilm-fp32", EmbeddingModelChoice.ALL_MINILM_L6_V2),
          Map.entry("bge-small-en-v1.5", EmbeddingModelChoice.BGE_SMALL_EN_V15_Q),
          Map.entry("baai/bge-small-en-v1.5", EmbeddingModelChoice.BGE_SMALL_EN_V15_Q),
          Map.entry("bge-small-en-v1.5-q", EmbeddingModelChoice.BGE_SMALL_EN_V15_Q),
          Map.entry("bge-small", EmbeddingModelChoice.BGE_SMALL_EN_V15_Q),
          Map.entry("bge-small-q", EmbeddingModelChoice.BGE_SMALL_EN_V15_Q),
          Map.entry("e5-small-v2", EmbeddingModelChoice.E5_SMALL_V2_Q),
          Map.entry("intfloat/e5-small-v2", EmbeddingModelChoice.E5_SMALL_V2_Q),
          Map.entry("e5-small-v2-q", EmbeddingModelChoice.E5_SMALL_V2_Q),
          Map.entry("e5-small", EmbeddingModelChoice.E5_SMALL_V2_Q));

  /** The names accepted by {@link #resolve}, for messages and help. */
  public static final String KNOWN =
      "all-MiniLM-L6-v2 (int8, default), all-minilm-l6-v2-fp32, bge-small-en-v1.5, e5-small-v2";

  private EmbeddingModels() {}

  /**
   * The local model for a provider and model name; empty for provider {@code none} (keyword-only
   * search).
   *
   * @throws ConfigException naming the key and the accepted values for an unknown model or an
   *     unsupported provider
   */
  public static Optional<EmbeddingModelChoice> resolve(String provider, String model) {
    switch (provider) {
      case "none" -> {
        return Optional.empty();
      }
      case "local" -> {
        EmbeddingModelChoice choice =
            model == null ? null : ALIASES.get(model.trim().toLowerCase(Locale.ROOT));
        if (choice == null) {
          throw new ConfigException(
              new ConfigProblem(
                  "config.toml",
                  0,
                  "memory.embedding_model",
                  "unknown local embedding model '" + model + "'",
                  "use one of " + KNOWN));
        }
        return Optional.of(choice);
      }
      default ->
          throw new ConfigException(
              new ConfigProblem(
                  "config.toml",
                  0,
                  "memory.embedding_provider",
                  "embedding provider '" + provider + "' is not supported by this build",
                  "use \"local\" (in-process ONNX) or \"none\" (keyword search only)"));
    }
  }
}
