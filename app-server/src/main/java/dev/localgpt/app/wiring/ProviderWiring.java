package dev.localgpt.app.wiring;

import dev.localgpt.adapter.providers.ChatModels;
import dev.localgpt.adapter.providers.ModelDetector;
import dev.localgpt.adapter.providers.ProviderSettings;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.config.ProvidersConfig;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps {@code [providers.*]} and the environment onto {@link ProviderSettings} and chooses the
 * model name: {@code -m MODEL} &gt; {@code agent.default_model} &gt; the {@code openai_compatible}
 * model &gt; {@link ModelDetector}.
 */
public final class ProviderWiring {
  /** Providers of the Rust LocalGPT that we do not offer, with what to use instead. */
  private static final Map<String, String> UNSUPPORTED =
      Map.of(
          "claude-cli", "anthropic/<model> with ANTHROPIC_API_KEY",
          "gemini-cli", "an OpenAI-compatible endpoint (openai-compatible/<model>)",
          "codex-cli", "openai/<model> with OPENAI_API_KEY",
          "gemini", "an OpenAI-compatible endpoint (openai-compatible/<model>)",
          "vertex", "anthropic/<model> or openai/<model>",
          "xai", "openai-compatible/<model> with providers.openai_compatible.base_url",
          "glm", "openai-compatible/<model> with providers.openai_compatible.base_url",
          "openrouter", "openai-compatible/<model> with base_url https://openrouter.ai/api/v1");

  private static final Set<String> SUPPORTED =
      Set.of("anthropic", "claude", "openai", "openai-compatible", "ollama", "llamacpp", "gguf");

  private ProviderWiring() {}

  /**
   * Provider settings from the config, with keys and the Ollama host still unset filled from {@code
   * env}.
   */
  public static ProviderSettings settings(LocalGptConfig config, Map<String, String> env) {
    ProvidersConfig p = config.providers();
    ProviderSettings.Builder b =
        ProviderSettings.builder().defaultModel(config.agent().defaultModel());
    p.anthropic().ifPresent(a -> b.anthropic(a.apiKey(), a.baseUrl()));
    p.openai().ifPresent(o -> b.openai(o.apiKey(), o.baseUrl()));
    p.openaiCompatible().ifPresent(c -> b.openaiCompatible(c.apiKey(), c.baseUrl()));
    p.ollama().ifPresent(o -> b.ollama(o.endpoint(), o.numCtx()));
    p.llamacpp().ifPresent(l -> b.gguf(l.modelPath(), l.contextSize()));
    return b.environment(env).build();
  }

  /**
   * The model to use, as {@code provider/model}, or empty for the memory-only mode. Only when
   * nothing is named or configured does this probe Ollama (a short HTTP call).
   *
   * @throws IllegalArgumentException for a name we cannot serve, naming the fix
   */
  public static Optional<String> choose(
      Optional<String> override, LocalGptConfig config, ProviderSettings settings) {
    Optional<String> named = override.filter(s -> !s.isBlank()).or(() -> config.agent().model());
    if (named.isPresent()) {
      return Optional.of(check(named.get()));
    }
    Optional<String> compatible =
        config
            .providers()
            .openaiCompatible()
            .map(ProvidersConfig.OpenAiCompatible::model)
            .filter(m -> !m.isBlank());
    if (compatible.isPresent()) {
      return Optional.of("openai-compatible/" + compatible.get());
    }
    return new ModelDetector(settings).detect();
  }

  /**
   * The normalised name, if a provider we support serves it.
   *
   * @throws IllegalArgumentException for a Rust LocalGPT provider we do not offer, or an unknown
   *     provider
   */
  public static String check(String name) {
    String full = ChatModels.normalise(name);
    String provider = full.substring(0, full.indexOf('/')).toLowerCase(Locale.ROOT);
    if (UNSUPPORTED.containsKey(provider)) {
      throw new IllegalArgumentException(
          "model '"
              + name
              + "' uses the "
              + provider
              + " provider of the Rust LocalGPT, which LocalGPT for Java does not support; use "
              + UNSUPPORTED.get(provider));
    }
    if (!SUPPORTED.contains(provider)) {
      throw ChatModels.unknownProvider(provider, name);
    }
    return full;
  }
}
