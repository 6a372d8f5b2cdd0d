package dev.localgpt.adapter.providers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Plain provider settings (the app maps {@code config.toml} onto this). Build with {@link
 * #builder()}; blank keys mean "not set". {@link Builder#environment(Map)} fills unset keys from
 * {@code ANTHROPIC_API_KEY}, {@code OPENAI_API_KEY} and {@code OLLAMA_HOST}.
 *
 * @param defaultModel {@code provider/model}, or blank to auto-detect
 * @param anthropicApiKey Anthropic key
 * @param anthropicBaseUrl default {@code https://api.anthropic.com}
 * @param openaiApiKey OpenAI key
 * @param openaiBaseUrl default {@code https://api.openai.com/v1}
 * @param compatibleApiKey key of an OpenAI-compatible server (often blank)
 * @param compatibleBaseUrl e.g. {@code http://localhost:1234/v1}; blank when none
 * @param ollamaEndpoint default {@code http://localhost:11434}
 * @param ollamaNumCtx context window sent as {@code options.num_ctx}, default 8192
 * @param ggufPath a GGUF file for the in-process llama.cpp model, or null
 * @param llamaContextSize llama.cpp context size, default 4096
 * @param connectTimeout default 10 s
 * @param readTimeout longest silence within a stream, default 120 s
 */
public record ProviderSettings(
    String defaultModel,
    String anthropicApiKey,
    String anthropicBaseUrl,
    String openaiApiKey,
    String openaiBaseUrl,
    String compatibleApiKey,
    String compatibleBaseUrl,
    String ollamaEndpoint,
    int ollamaNumCtx,
    Path ggufPath,
    int llamaContextSize,
    Duration connectTimeout,
    Duration readTimeout) {

  public ProviderSettings {
    defaultModel = blankToEmpty(defaultModel);
    anthropicApiKey = blankToEmpty(anthropicApiKey);
    anthropicBaseUrl = orDefault(anthropicBaseUrl, "https://api.anthropic.com");
    openaiApiKey = blankToEmpty(openaiApiKey);
    openaiBaseUrl = orDefault(openaiBaseUrl, "https://api.openai.com/v1");
    compatibleApiKey = blankToEmpty(compatibleApiKey);
    compatibleBaseUrl = blankToEmpty(compatibleBaseUrl);
    ollamaEndpoint = orDefault(ollamaEndpoint, "http://localhost:11434");
    if (ollamaNumCtx < 0) {
      throw new IllegalArgumentException("'ollamaNumCtx' must be >= 0, was " + ollamaNumCtx);
    }
    if (llamaContextSize <= 0) {
      throw new IllegalArgumentException("'llamaContextSize' must be > 0, was " + llamaContextSize);
    }
    Objects.requireNonNull(connectTimeout, "'connectTimeout' must not be null");
    Objects.requireNonNull(readTimeout, "'readTimeout' must not be null");
  }

  /**
   * Keys are shown only as set or not, so a logged or printed settings object never leaks a secret.
   */
  @Override
  public String toString() {
    return "ProviderSettings[defaultModel="
        + defaultModel
        + ", anthropicApiKey="
        + mask(anthropicApiKey)
        + ", anthropicBaseUrl="
        + anthropicBaseUrl
        + ", openaiApiKey="
        + mask(openaiApiKey)
        + ", openaiBaseUrl="
        + openaiBaseUrl
        + ", compatibleApiKey="
        + mask(compatibleApiKey)
        + ", compatibleBaseUrl="
        + compatibleBaseUrl
        + ", ollamaEndpoint="
        + ollamaEndpoint
        + ", ollamaNumCtx="
        + ollamaNumCtx
        + ", ggufPath="
        + ggufPath
        + ", llamaContextSize="
        + llamaContextSize
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + "]";
  }

  private static String mask(String key) {
    return key.isEmpty() ? "<unset>" : "***";
  }

  public static Builder builder() {
    return new Builder();
  }

  private static String blankToEmpty(String s) {
    return s == null ? "" : s.strip();
  }

  private static String orDefault(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s.strip();
  }

  /** Builder with the documented defaults. */
  public static final class Builder {
    private String defaultModel = "";
    private String anthropicApiKey = "";
    private String anthropicBaseUrl = "";
    private String openaiApiKey = "";
    private String openaiBaseUrl = "";
    private String compatibleApiKey = "";
    private String compatibleBaseUrl = "";
    private String ollamaEndpoint = "";
    private int ollamaNumCtx = 8192;
    private Path ggufPath;
    private int llamaContextSize = 4096;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(120);

    private Builder() {}

    public Builder defaultModel(String v) {
      defaultModel = v;
      return this;
    }

    public Builder anthropic(String apiKey, String baseUrl) {
      anthropicApiKey = apiKey;
      anthropicBaseUrl = baseUrl;
      return this;
    }

    public Builder openai(String apiKey, String baseUrl) {
      openaiApiKey = apiKey;
      openaiBaseUrl = baseUrl;
      return this;
    }

    public Builder openaiCompatible(String apiKey, String baseUrl) {
      compatibleApiKey = apiKey;
      compatibleBaseUrl = baseUrl;
      return this;
    }

    public Builder ollama(String endpoint, int numCtx) {
      ollamaEndpoint = endpoint;
      ollamaNumCtx = numCtx;
      return this;
    }

    public Builder gguf(Path path, int contextSize) {
      ggufPath = path;
      llamaContextSize = contextSize;
      return this;
    }

    public Builder timeouts(Duration connect, Duration read) {
      connectTimeout = connect;
      readTimeout = read;
      return this;
    }

    /** Fills keys and the Ollama endpoint that are still blank from the environment. */
    public Builder environment(Map<String, String> env) {
      if (isBlank(anthropicApiKey)) {
        anthropicApiKey = env.getOrDefault("ANTHROPIC_API_KEY", "");
      }
      if (isBlank(openaiApiKey)) {
        openaiApiKey = env.getOrDefault("OPENAI_API_KEY", "");
      }
      if (isBlank(ollamaEndpoint) && !isBlank(env.get("OLLAMA_HOST"))) {
        String host = env.get("OLLAMA_HOST").strip();
        ollamaEndpoint = host.contains("://") ? host : "http://" + host;
      }
      return this;
    }

    private static boolean isBlank(String s) {
      return s == null || s.isBlank();
    }

    public ProviderSettings build() {
      return new ProviderSettings(
          defaultModel,
          anthropicApiKey,
          anthropicBaseUrl,
          openaiApiKey,
          openaiBaseUrl,
          compatibleApiKey,
          compatibleBaseUrl,
          ollamaEndpoint,
          ollamaNumCtx,
          ggufPath,
          llamaContextSize,
          connectTimeout,
          readTimeout);
    }
  }
}
