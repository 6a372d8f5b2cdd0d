package dev.localgpt.adapter.providers.openai;

import dev.localgpt.adapter.providers.http.ProviderHttp;
import dev.localgpt.adapter.providers.http.ReplyCollector;
import dev.localgpt.adapter.providers.http.StreamingCall;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ChatResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * OpenAI Chat Completions over SSE: {@code POST {base_url}/chat/completions}. Works with any
 * compatible server (LM Studio, llama-server, vLLM); the Bearer key is optional for local servers.
 */
public final class OpenAiChatModel implements ChatModel {
  private final ProviderHttp http;
  private final String provider;
  private final String baseUrl;
  private final String apiKey;
  private final String model;
  private final int contextWindow;

  /**
   * @param provider the id prefix: {@code openai} or {@code openai-compatible}
   * @param baseUrl e.g. {@code https://api.openai.com/v1}
   * @param apiKey the key, or blank for a local server that needs none
   * @param model the model name the server knows
   */
  public OpenAiChatModel(
      OkHttpClient client,
      String provider,
      String baseUrl,
      String apiKey,
      String model,
      int contextWindow) {
    this.provider = Objects.requireNonNull(provider, "'provider' must not be null");
    this.http =
        new ProviderHttp(
            client,
            provider,
            provider.equals("openai")
                ? "set OPENAI_API_KEY or providers.openai.api_key"
                : "set providers.openai_compatible.api_key");
    this.baseUrl =
        ProviderHttp.withoutTrailingSlash(
            Objects.requireNonNull(baseUrl, "'baseUrl' must not be null"));
    this.apiKey = apiKey == null ? "" : apiKey;
    this.model = Objects.requireNonNull(model, "'model' must not be null");
    this.contextWindow = contextWindow;
  }

  @Override
  public String id() {
    return provider + "/" + model;
  }

  @Override
  public int contextWindow() {
    return contextWindow;
  }

  @Override
  public ChatResponse chat(ChatRequest request, ChatListener listener) {
    String url = baseUrl + "/chat/completions";
    Map<String, String> headers = new HashMap<>();
    headers.put("accept", "text/event-stream");
    if (!apiKey.isBlank()) {
      headers.put("authorization", "Bearer " + apiKey);
    }
    ReplyCollector reply = new ReplyCollector(listener);
    OpenAiStream stream = new OpenAiStream(http, reply, model);
    StreamingCall call = http.stream(url, headers, OpenAiRequests.body(model, request), listener);
    return stream.respond(call, url, provider, id());
  }
}
