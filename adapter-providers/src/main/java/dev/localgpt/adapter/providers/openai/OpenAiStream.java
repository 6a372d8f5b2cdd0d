package dev.localgpt.adapter.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localgpt.adapter.providers.http.HttpErrors;
import dev.localgpt.adapter.providers.http.HttpErrors.ProviderError;
import dev.localgpt.adapter.providers.http.ProviderHttp;
import dev.localgpt.adapter.providers.http.ReplyCollector;
import dev.localgpt.adapter.providers.http.SseReader;
import dev.localgpt.adapter.providers.http.SseStream;
import dev.localgpt.ports.llm.StopReason;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns Chat Completions chunks into reply events; tool calls are assembled from fragments by
 * index.
 */
final class OpenAiStream extends SseStream {
  private final Map<Integer, Pending> pending = new TreeMap<>();

  private static final class Pending {
    String id;
    String name;
    final StringBuilder arguments = new StringBuilder();
  }

  OpenAiStream(ProviderHttp http, ReplyCollector reply, String model) {
    super(http, reply, model);
  }

  @Override
  protected String endMarker() {
    return "data: [DONE]";
  }

  @Override
  protected boolean onEvent(SseReader.Event event) {
    String data = event.data();
    if (data.equals("[DONE]")) {
      flushToolCalls();
      return true;
    }
    if (!data.isBlank()) {
      chunk(http.parse(data));
    }
    return false;
  }

  private void chunk(JsonNode chunk) {
    if (chunk.has("error")) {
      throw HttpErrors.fromStreamError(http.provider(), ProviderError.of(chunk.get("error")));
    }
    if (chunk.path("model").isTextual() && !chunk.path("model").asText().isEmpty()) {
      model(chunk.path("model").asText());
    }
    JsonNode usage = chunk.path("usage");
    if (usage.isObject()) {
      reply.inputTokens(usage.path("prompt_tokens").asInt(0));
      reply.outputTokens(usage.path("completion_tokens").asInt(0));
    }
    for (JsonNode choice : chunk.path("choices")) {
      JsonNode delta = choice.path("delta");
      JsonNode content = delta.path("content");
      if (content.isTextual()) {
        reply.text(content.asText());
      }
      for (JsonNode fragment : delta.path("tool_calls")) {
        toolFragment(fragment);
      }
      JsonNode finish = choice.path("finish_reason");
      if (finish.isTextual()) {
        reply.stopReason(stopReason(finish.asText()));
        flushToolCalls();
      }
    }
  }

  private void toolFragment(JsonNode fragment) {
    int index = fragment.path("index").asInt(pending.size());
    Pending call = pending.computeIfAbsent(index, i -> new Pending());
    if (fragment.path("id").isTextual() && call.id == null) {
      call.id = fragment.path("id").asText();
    }
    JsonNode function = fragment.path("function");
    if (function.path("name").isTextual() && call.name == null) {
      call.name = function.path("name").asText();
    }
    if (function.path("arguments").isTextual()) {
      call.arguments.append(function.path("arguments").asText());
    }
  }

  private void flushToolCalls() {
    for (Map.Entry<Integer, Pending> entry : pending.entrySet()) {
      Pending call = entry.getValue();
      if (call.name == null) {
        throw HttpErrors.invalid(
            http.provider(), "tool call " + entry.getKey() + " has no function name", null);
      }
      String id = call.id == null ? "call_" + reply.toolCallCount() : call.id;
      toolCall(id, call.name, call.arguments.toString());
    }
    pending.clear();
  }

  static StopReason stopReason(String reason) {
    return switch (reason) {
      case "stop" -> StopReason.END_TURN;
      case "length" -> StopReason.MAX_TOKENS;
      case "tool_calls", "function_call" -> StopReason.TOOL_USE;
      default -> StopReason.OTHER;
    };
  }
}
