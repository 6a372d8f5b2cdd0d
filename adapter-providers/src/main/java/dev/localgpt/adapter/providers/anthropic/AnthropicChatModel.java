package dev.localgpt.adapter.providers.anthropic;

import dev.localgpt.adapter.providers.http.ProviderHttp;
import dev.localgpt.adapter.providers.http.ReplyCollector;
import dev.localgpt.adapter.providers.http.StreamingCall;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ChatResponse;
import dev.localgpt.ports.llm.ModelException;
import java.util.Map;
import java.util.Objects;
import okhttp3.OkHttpClient;

/** Anthropic Messages API over SSE: {@code POST {base}/v1/messages} with {@code stream: true}. */
public final class AnthropicChatModel implements ChatModel {
  static final String VERSION = "2023-06-01";
  static final String AUTH_HINT = "set ANTHROPIC_API_KEY or providers.anthropic.api_key";

  private final ProviderHttp http;
  private final String baseUrl;
  private final String apiKey;
  private final String model;

  /**
   * @param baseUrl e.g. {@code https://api.anthropic.com} (without {@code /v1})
   * @param apiKey the key; blank gives a NOT_CONFIGURED error at call time
   * @param model the model id, e.g. {@code claude-sonnet-4-5}
   */
  public AnthropicChatModel(OkHttpClient client, String baseUrl, String apiKey, String model) {
    this.http = new ProviderHttp(client, "anthropic", AUTH_HINT);
    this.baseUrl =
        ProviderHttp.withoutTrailingSlash(
            Objects.requireNonNull(baseUrl, "'baseUrl' must not be null"));
    this.apiKey = apiKey == null ? "" : apiKey;
    this.model = Objects.requireNonNull(model, "'model' must not be null");
  }

  @Override
  public String id() {
    return "anthropic/" + model;
  }

  @Override
  public int contextWindow() {
    return 200_000;
  }

  @Override
  public ChatResponse chat(ChatRequest request, ChatListener listener) {
    if (apiKey.isBlank()) {
      throw new ModelException(
          ModelException.Kind.NOT_CONFIGURED, "no Anthropic API key (" + AUTH_HINT + ")");
    }
    String url = baseUrl + "/v1/messages";
    Map<String, String> headers =
        Map.of("x-api-key", apiKey, "anthropic-version", VERSION, "accept", "text/event-stream");
    ReplyCollector reply = new ReplyCollector(listener);
    AnthropicStream stream = new AnthropicStream(http, reply, model);
    StreamingCall call =
        http.stream(url, headers, AnthropicRequests.body(model, request), listener);
    return stream.respond(call, url, "anthropic", id());
  }
}
