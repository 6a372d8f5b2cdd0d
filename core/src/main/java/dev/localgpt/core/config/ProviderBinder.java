package dev.localgpt.core.config;

import dev.localgpt.core.workspace.LocalGptHome;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Binds {@code [providers.*]}, with {@code ${VAR}} expansion of API keys and the environment
 * fallbacks.
 */
final class ProviderBinder {
  private final ValueReader in;
  private final Map<String, String> env;

  ProviderBinder(ValueReader in, Map<String, String> env) {
    this.in = in;
    this.env = env;
  }

  ProvidersConfig bind() {
    Optional<ProvidersConfig.OpenAi> openai =
        apiKey("providers.openai", "OPENAI_API_KEY")
            .map(
                key ->
                    new ProvidersConfig.OpenAi(
                        key,
                        ConfigBinder.nonBlank(
                            in,
                            "providers.openai.base_url",
                            ProvidersConfig.OpenAi.DEFAULT_BASE_URL)));
    Optional<ProvidersConfig.Anthropic> anthropic =
        apiKey("providers.anthropic", "ANTHROPIC_API_KEY")
            .map(
                key ->
                    new ProvidersConfig.Anthropic(
                        key,
                        ConfigBinder.nonBlank(
                            in,
                            "providers.anthropic.base_url",
                            ProvidersConfig.Anthropic.DEFAULT_BASE_URL)));
    return new ProvidersConfig(openai, anthropic, ollama(), openaiCompatible(), llamacpp());
  }

  /**
   * The key from the file (expanded), else from the environment variable; empty when neither is
   * set.
   */
  private Optional<String> apiKey(String section, String variable) {
    Optional<String> fromFile =
        in.string(section + ".api_key")
            .flatMap(value -> EnvExpansion.expand(value, env))
            .filter(value -> !value.isBlank());
    if (fromFile.isPresent()) {
      return fromFile;
    }
    return Optional.ofNullable(env.get(variable)).filter(value -> !value.isBlank());
  }

  private boolean sectionPresent(String section) {
    return in.has(section)
        || ConfigSchema.keys().stream()
            .anyMatch(key -> key.section().equals(section) && in.has(key.name()));
  }

  private Optional<ProvidersConfig.Ollama> ollama() {
    String hostVariable = env.get("OLLAMA_HOST");
    boolean fromEnv = hostVariable != null && !hostVariable.isBlank();
    if (!sectionPresent("providers.ollama") && !fromEnv) {
      return Optional.empty();
    }
    String fallbackEndpoint =
        fromEnv ? normaliseHost(hostVariable) : ProvidersConfig.Ollama.DEFAULT_ENDPOINT;
    return Optional.of(
        new ProvidersConfig.Ollama(
            ConfigBinder.nonBlank(in, "providers.ollama.endpoint", fallbackEndpoint),
            ConfigBinder.nonBlank(
                in, "providers.ollama.model", ProvidersConfig.Ollama.DEFAULT_MODEL),
            in.integer("providers.ollama.num_ctx", ProvidersConfig.Ollama.DEFAULT_NUM_CTX, 1)));
  }

  /** {@code OLLAMA_HOST} may be {@code host:port} or {@code 0.0.0.0}; make it a URL. */
  static String normaliseHost(String host) {
    String value = host.strip();
    if (!value.startsWith("http://") && !value.startsWith("https://")) {
      value = "http://" + value;
    }
    if (!value.substring(value.indexOf("://") + 3).contains(":")) {
      value = value + ":11434";
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  private Optional<ProvidersConfig.OpenAiCompatible> openaiCompatible() {
    String section = "providers.openai_compatible";
    if (!sectionPresent(section)) {
      return Optional.empty();
    }
    Optional<String> baseUrl = in.string(section + ".base_url").filter(value -> !value.isBlank());
    if (baseUrl.isEmpty()) {
      if (!in.has(section + ".base_url") || in.string(section + ".base_url").isPresent()) {
        in.problem(
            section + ".base_url",
            "is required when [providers.openai_compatible] is present",
            "set e.g. base_url = \"http://127.0.0.1:8080/v1\"");
      }
      return Optional.empty();
    }
    String apiKey =
        in.string(section + ".api_key")
            .flatMap(value -> EnvExpansion.expand(value, env))
            .orElse("");
    return Optional.of(
        new ProvidersConfig.OpenAiCompatible(
            baseUrl.get(), apiKey, in.string(section + ".model", "")));
  }

  private Optional<ProvidersConfig.LlamaCpp> llamacpp() {
    String section = "providers.llamacpp";
    if (!sectionPresent(section)) {
      return Optional.empty();
    }
    Optional<String> modelPath =
        in.string(section + ".model_path").filter(value -> !value.isBlank());
    int contextSize =
        in.integer(section + ".context_size", ProvidersConfig.LlamaCpp.DEFAULT_CONTEXT_SIZE, 1);
    int threads = in.integer(section + ".threads", 0, 0);
    if (modelPath.isEmpty()) {
      if (!in.has(section + ".model_path") || in.string(section + ".model_path").isPresent()) {
        in.problem(
            section + ".model_path",
            "is required when [providers.llamacpp] is present",
            "set model_path = \"/path/to/model.gguf\"");
      }
      return Optional.empty();
    }
    if (!modelPath.get().toLowerCase(Locale.ROOT).endsWith(".gguf")) {
      in.problem(
          section + ".model_path",
          "'" + modelPath.get() + "' is not a .gguf file",
          "point it at a GGUF model file");
      return Optional.empty();
    }
    return Optional.of(
        new ProvidersConfig.LlamaCpp(
            LocalGptHome.expandTilde(modelPath.get(), env), contextSize, threads));
  }
}
