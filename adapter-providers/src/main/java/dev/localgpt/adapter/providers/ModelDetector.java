package dev.localgpt.adapter.providers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localgpt.adapter.providers.http.ProviderHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Picks a model when the user named none: the configured default, else an Anthropic key, else an
 * OpenAI key, else an Ollama that answers {@code GET /api/tags} quickly (its first model), else a
 * configured GGUF file. Empty means none: the caller falls back to the memory-only mode.
 */
public final class ModelDetector {
  static final String ANTHROPIC_DEFAULT = "anthropic/claude-sonnet-4-5";
  static final String OPENAI_DEFAULT = "openai/gpt-4o";

  private final ProviderSettings settings;
  private final Duration probeTimeout;

  public ModelDetector(ProviderSettings settings) {
    this(settings, Duration.ofMillis(300));
  }

  public ModelDetector(ProviderSettings settings, Duration probeTimeout) {
    this.settings = settings;
    this.probeTimeout = probeTimeout;
  }

  /** The {@code provider/model} to use, if any. Never throws; at most one short HTTP probe. */
  public Optional<String> detect() {
    if (!settings.defaultModel().isEmpty()) {
      return Optional.of(ChatModels.normalise(settings.defaultModel()));
    }
    if (!settings.anthropicApiKey().isEmpty()) {
      return Optional.of(ANTHROPIC_DEFAULT);
    }
    if (!settings.openaiApiKey().isEmpty()) {
      return Optional.of(OPENAI_DEFAULT);
    }
    Optional<String> ollama = firstOllamaModel();
    if (ollama.isPresent()) {
      return ollama.map(m -> "ollama/" + m);
    }
    if (settings.ggufPath() != null && Files.isRegularFile(settings.ggufPath())) {
      return Optional.of("llamacpp/" + settings.ggufPath());
    }
    return Optional.empty();
  }

  Optional<String> firstOllamaModel() {
    OkHttpClient client = new OkHttpClient.Builder().callTimeout(probeTimeout).build();
    String tags = ProviderHttp.withoutTrailingSlash(settings.ollamaEndpoint()) + "/api/tags";
    Request request = new Request.Builder().url(tags).get().build();
    try (Response response = client.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        return Optional.empty();
      }
      JsonNode models = ProviderHttp.JSON.readTree(response.body().string()).path("models");
      for (JsonNode model : models) {
        String name = model.path("name").asText(model.path("model").asText(""));
        if (!name.isEmpty() && !isEmbeddingOnly(model)) {
          return Optional.of(name);
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  private static boolean isEmbeddingOnly(JsonNode model) {
    JsonNode caps = model.path("capabilities");
    if (!caps.isArray() || caps.isEmpty()) {
      return false;
    }
    for (JsonNode cap : caps) {
      if (cap.asText().equals("completion")) {
        return false;
      }
    }
    return true;
  }
}
