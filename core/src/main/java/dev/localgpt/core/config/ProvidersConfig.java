package dev.localgpt.core.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code [providers.*]}: each provider is present when its section exists in the file or, for the
 * hosted ones, when the usual environment variable is set ({@code OPENAI_API_KEY}, {@code
 * ANTHROPIC_API_KEY}, {@code OLLAMA_HOST}).
 */
public record ProvidersConfig(
    Optional<OpenAi> openai,
    Optional<Anthropic> anthropic,
    Optional<Ollama> ollama,
    Optional<OpenAiCompatible> openaiCompatible,
    Optional<LlamaCpp> llamacpp) {
  public static final ProvidersConfig NONE =
      new ProvidersConfig(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public ProvidersConfig {
    Objects.requireNonNull(openai, "'openai' must not be null");
    Objects.requireNonNull(anthropic, "'anthropic' must not be null");
    Objects.requireNonNull(ollama, "'ollama' must not be null");
    Objects.requireNonNull(openaiCompatible, "'openaiCompatible' must not be null");
    Objects.requireNonNull(llamacpp, "'llamacpp' must not be null");
  }

  /** {@code [providers.openai]}; base URL default {@code https://api.openai.com/v1}. */
  public record OpenAi(String apiKey, String baseUrl) {
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    public OpenAi {
      ConfigChecks.notBlank("providers.openai.api_key", apiKey);
      ConfigChecks.notBlank("providers.openai.base_url", baseUrl);
    }

    @Override
    public String toString() {
      return "OpenAi[apiKey=***, baseUrl=" + baseUrl + "]";
    }
  }

  /** {@code [providers.anthropic]}; base URL default {@code https://api.anthropic.com}. */
  public record Anthropic(String apiKey, String baseUrl) {
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";

    public Anthropic {
      ConfigChecks.notBlank("providers.anthropic.api_key", apiKey);
      ConfigChecks.notBlank("providers.anthropic.base_url", baseUrl);
    }

    @Override
    public String toString() {
      return "Anthropic[apiKey=***, baseUrl=" + baseUrl + "]";
    }
  }

  /**
   * {@code [providers.ollama]}; endpoint default {@code http://localhost:11434}, model {@code
   * llama3}, {@code num_ctx} (the context length Ollama loads the model with) default 8192.
   */
  public record Ollama(String endpoint, String model, int numCtx) {
    public static final String DEFAULT_ENDPOINT = "http://localhost:11434";
    public static final String DEFAULT_MODEL = "llama3";
    public static final int DEFAULT_NUM_CTX = 8_192;

    public Ollama {
      ConfigChecks.notBlank("providers.ollama.endpoint", endpoint);
      ConfigChecks.notBlank("providers.ollama.model", model);
      ConfigChecks.positive("providers.ollama.num_ctx", numCtx);
    }
  }

  /**
   * {@code [providers.openai_compatible]}: any server speaking the OpenAI Chat Completions API
   * (llama-server, vLLM, LM Studio, …). The API key may be empty; the model may be empty (then
   * {@code agent.default_model} names it).
   */
  public record OpenAiCompatible(String baseUrl, String apiKey, String model) {
    public OpenAiCompatible {
      ConfigChecks.notBlank("providers.openai_compatible.base_url", baseUrl);
      Objects.requireNonNull(apiKey, "'providers.openai_compatible.api_key' must not be null");
      Objects.requireNonNull(model, "'providers.openai_compatible.model' must not be null");
    }

    @Override
    public String toString() {
      return "OpenAiCompatible[baseUrl="
          + baseUrl
          + ", apiKey="
          + (apiKey.isEmpty() ? "" : "***")
          + ", model="
          + model
          + "]";
    }
  }

  /**
   * {@code [providers.llamacpp]}: a GGUF model run in process.
   *
   * @param threads 0 = one per available processor
   */
  public record LlamaCpp(Path modelPath, int contextSize, int threads) {
    public static final int DEFAULT_CONTEXT_SIZE = 4_096;

    public LlamaCpp {
      Objects.requireNonNull(modelPath, "'providers.llamacpp.model_path' must not be null");
      ConfigChecks.positive("providers.llamacpp.context_size", contextSize);
      ConfigChecks.atLeast("providers.llamacpp.threads", threads, 0);
    }
  }
}
