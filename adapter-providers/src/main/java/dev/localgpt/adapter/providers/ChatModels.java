package dev.localgpt.adapter.providers;

import dev.localgpt.adapter.providers.anthropic.AnthropicChatModel;
import dev.localgpt.adapter.providers.http.ProviderHttp;
import dev.localgpt.adapter.providers.llamacpp.LlamaCppChatModel;
import dev.localgpt.adapter.providers.ollama.OllamaChatModel;
import dev.localgpt.adapter.providers.openai.OpenAiChatModel;
import dev.localgpt.ports.llm.ChatModel;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.OkHttpClient;

/**
 * Builds chat models from {@code provider/model} names: {@code anthropic/…}, {@code openai/…},
 * {@code openai-compatible/…}, {@code ollama/…}, {@code llamacpp/<path or name>}. The model part
 * may itself contain slashes ({@code openai/qwen/qwen3.5}). Aliases: {@code opus}, {@code sonnet},
 * {@code gpt}, {@code gpt-mini}. Bare names starting {@code claude-} / {@code gpt-} / {@code o1}
 * pick their provider.
 */
public final class ChatModels {
  private static final Map<String, String> ALIASES =
      Map.of(
          "opus", "anthropic/claude-opus-4-5",
          "sonnet", "anthropic/claude-sonnet-4-5",
          "gpt", "openai/gpt-4o",
          "gpt-mini", "openai/gpt-4o-mini");

  private final ProviderSettings settings;
  private final OkHttpClient client;

  public ChatModels(ProviderSettings settings) {
    this.settings = settings;
    this.client = ProviderHttp.client(settings.connectTimeout(), settings.readTimeout());
  }

  /** The full {@code provider/model} for a name, after aliases and bare-name rules. */
  public static String normalise(String name) {
    String n = name.strip();
    n = ALIASES.getOrDefault(n, n);
    if (n.contains("/")) {
      return n;
    }
    if (n.startsWith("claude-")) {
      return "anthropic/" + n;
    }
    if (n.startsWith("gpt-") || n.matches("o\\d.*")) {
      return "openai/" + n;
    }
    return "ollama/" + n;
  }

  /**
   * The model for {@code name}.
   *
   * @throws IllegalArgumentException for an unknown provider or an empty model, naming the fix
   */
  public ChatModel create(String name) {
    String full = normalise(name);
    int slash = full.indexOf('/');
    String provider = full.substring(0, slash);
    String model = full.substring(slash + 1);
    if (model.isBlank()) {
      throw new IllegalArgumentException(
          "model name '" + name + "' has no model after '" + provider + "/'");
    }
    return switch (provider) {
      case "anthropic", "claude" ->
          new AnthropicChatModel(
              client, settings.anthropicBaseUrl(), settings.anthropicApiKey(), model);
      case "openai" ->
          new OpenAiChatModel(
              client, "openai", settings.openaiBaseUrl(), settings.openaiApiKey(), model, 128_000);
      case "openai-compatible" -> {
        if (settings.compatibleBaseUrl().isEmpty()) {
          throw new IllegalArgumentException(
              "model '"
                  + name
                  + "' needs providers.openai_compatible.base_url (e.g. http://localhost:1234/v1)");
        }
        yield new OpenAiChatModel(
            client,
            "openai-compatible",
            settings.compatibleBaseUrl(),
            settings.compatibleApiKey(),
            model,
            32_768);
      }
      case "ollama" ->
          new OllamaChatModel(client, settings.ollamaEndpoint(), model, settings.ollamaNumCtx());
      case "llamacpp", "gguf" -> new LlamaCppChatModel(ggufFor(model), settings.llamaContextSize());
      default -> throw unknownProvider(provider, name);
    };
  }

  /** The error for a model name whose provider part names no provider this build has. */
  public static IllegalArgumentException unknownProvider(String provider, String name) {
    return new IllegalArgumentException(
        "unknown provider '"
            + provider
            + "' in model '"
            + name
            + "'; use anthropic/, openai/, openai-compatible/, ollama/ or llamacpp/");
  }

  private Path ggufFor(String model) {
    Path configured = settings.ggufPath();
    if (configured != null
        && (model.equals("default")
            || configured.getFileName().toString().equals(model)
            || configured.getFileName().toString().equals(model + ".gguf"))) {
      return configured;
    }
    return Path.of(model);
  }
}
