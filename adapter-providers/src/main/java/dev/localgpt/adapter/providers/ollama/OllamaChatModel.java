package dev.localgpt.adapter.providers.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localgpt.adapter.providers.http.HttpErrors;
import dev.localgpt.adapter.providers.http.HttpErrors.ProviderError;
import dev.localgpt.adapter.providers.http.ProviderHttp;
import dev.localgpt.adapter.providers.http.ReplyCollector;
import dev.localgpt.adapter.providers.http.StreamingCall;
import dev.localgpt.adapter.providers.http.ToolCalls;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ChatResponse;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.StopReason;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import okhttp3.OkHttpClient;
import okio.BufferedSource;

/**
 * Ollama {@code POST {endpoint}/api/chat} with NDJSON streaming. Sends {@code options.num_ctx}
 * (Ollama's default window is small and it silently drops old messages). A model without tool
 * support is retried once without tools.
 */
public final class OllamaChatModel implements ChatModel {
  private final ProviderHttp http;
  private final String endpoint;
  private final String model;
  private final int numCtx;

  /**
   * @param endpoint e.g. {@code http://localhost:11434}
   * @param numCtx the context window to request; 0 leaves the server's default
   */
  public OllamaChatModel(OkHttpClient client, String endpoint, String model, int numCtx) {
    this.http = new ProviderHttp(client, "ollama", "set providers.ollama.endpoint or OLLAMA_HOST");
    this.endpoint =
        ProviderHttp.withoutTrailingSlash(
            Objects.requireNonNull(endpoint, "'endpoint' must not be null"));
    this.model = Objects.requireNonNull(model, "'model' must not be null");
    this.numCtx = numCtx;
  }

  @Override
  public String id() {
    return "ollama/" + model;
  }

  @Override
  public int contextWindow() {
    return numCtx > 0 ? numCtx : 4096;
  }

  @Override
  public ChatResponse chat(ChatRequest request, ChatListener listener) {
    try {
      return call(request, listener, true);
    } catch (ModelException e) {
      if (e.kind() == ModelException.Kind.BAD_REQUEST
          && !request.tools().isEmpty()
          && e.getMessage().contains("does not support tools")) {
        return call(request, listener, false);
      }
      if (e.kind() == ModelException.Kind.UNKNOWN_MODEL) {
        throw new ModelException(
            e.kind(), e.getMessage() + "; run `ollama pull " + model + "`", null, e);
      }
      throw e;
    }
  }

  private ChatResponse call(ChatRequest request, ChatListener listener, boolean withTools) {
    String url = endpoint + "/api/chat";
    ReplyCollector reply = new ReplyCollector(listener);
    StreamingCall call =
        http.stream(
            url, Map.of(), OllamaRequests.body(model, request, numCtx, withTools), listener);
    try (call) {
      BufferedSource source = call.source();
      if (source == null) {
        return reply.cancelled(id());
      }
      long newline;
      while ((newline = source.indexOf((byte) '\n')) >= 0) {
        String line = source.readUtf8(newline);
        source.skip(1);
        if (reply.cancelled()) {
          return reply.cancelled(id());
        }
        if (line.isBlank()) {
          continue;
        }
        if (line(http.parse(line), reply)) {
          return reply.finish(id());
        }
      }
      if (!source.exhausted()) {
        JsonNode last = tryParse(source.readUtf8()); // a final line without '\n': complete, or cut
        if (last != null && line(last, reply)) {
          return reply.finish(id());
        }
      }
      throw HttpErrors.streamCut("ollama", "the done:true line");
    } catch (IOException e) {
      if (call.cancelled()) {
        return reply.cancelled(id());
      }
      throw http.readFailure(url, e);
    }
  }

  private JsonNode tryParse(String text) {
    try {
      return http.parse(text);
    } catch (ModelException e) {
      return null;
    }
  }

  /** Handles one NDJSON object; true when it was the last. */
  private static boolean line(JsonNode chunk, ReplyCollector reply) {
    if (chunk.has("error")) {
      throw HttpErrors.fromStreamError("ollama", ProviderError.of(chunk.get("error")));
    }
    JsonNode message = chunk.path("message");
    reply.text(message.path("content").asText(""));
    for (JsonNode call : message.path("tool_calls")) {
      JsonNode function = call.path("function");
      String id =
          call.path("id").isTextual() ? call.path("id").asText() : "call_" + reply.toolCallCount();
      reply.toolCall(ToolCalls.of(id, function.path("name").asText(), function.path("arguments")));
    }
    if (!chunk.path("done").asBoolean(false)) {
      return false;
    }
    reply.inputTokens(chunk.path("prompt_eval_count").asInt(0));
    reply.outputTokens(chunk.path("eval_count").asInt(0));
    String reason = chunk.path("done_reason").asText("stop");
    if (reply.toolCallCount() > 0) {
      reply.stopReason(StopReason.TOOL_USE);
    } else {
      reply.stopReason(
          switch (reason) {
            case "stop" -> StopReason.END_TURN;
            case "length" -> StopReason.MAX_TOKENS;
            default -> StopReason.OTHER;
          });
    }
    return true;
  }
}
