package dev.localgpt.adapter.providers.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localgpt.adapter.providers.http.HttpErrors;
import dev.localgpt.adapter.providers.http.HttpErrors.ProviderError;
import dev.localgpt.adapter.providers.http.ProviderHttp;
import dev.localgpt.adapter.providers.http.ReplyCollector;
import dev.localgpt.adapter.providers.http.SseReader;
import dev.localgpt.adapter.providers.http.SseStream;
import dev.localgpt.ports.llm.StopReason;
import java.util.HashMap;
import java.util.Map;

/** Turns the Messages SSE events into reply events. One instance per call. */
final class AnthropicStream extends SseStream {
  private final Map<Integer, ToolBlock> toolBlocks = new HashMap<>();

  private record ToolBlock(String id, String name, StringBuilder json) {}

  AnthropicStream(ProviderHttp http, ReplyCollector reply, String model) {
    super(http, reply, model);
  }

  @Override
  protected String endMarker() {
    return "message_stop";
  }

  @Override
  protected boolean onEvent(SseReader.Event event) {
    JsonNode data = http.parse(event.data());
    String type = data.path("type").asText(event.name());
    switch (type) {
      case "message_start" -> {
        JsonNode message = data.path("message");
        model(message.path("model").asText(model()));
        reply.inputTokens(message.path("usage").path("input_tokens").asInt(0));
        reply.outputTokens(message.path("usage").path("output_tokens").asInt(0));
      }
      case "content_block_start" ->
          blockStart(data.path("index").asInt(), data.path("content_block"));
      case "content_block_delta" -> delta(data.path("index").asInt(), data.path("delta"));
      case "content_block_stop" -> blockStop(data.path("index").asInt());
      case "message_delta" -> {
        JsonNode stop = data.path("delta").path("stop_reason");
        if (stop.isTextual()) {
          reply.stopReason(stopReason(stop.asText()));
        }
        JsonNode usage = data.path("usage");
        if (usage.has("output_tokens")) {
          reply.outputTokens(usage.path("output_tokens").asInt());
        }
        if (usage.has("input_tokens")) {
          reply.inputTokens(usage.path("input_tokens").asInt());
        }
      }
      case "message_stop" -> {
        return true;
      }
      case "error" ->
          throw HttpErrors.fromStreamError("anthropic", ProviderError.of(data.path("error")));
      default -> {
        // ping and event types added later are ignored
      }
    }
    return false;
  }

  private void blockStart(int index, JsonNode block) {
    String type = block.path("type").asText();
    if (type.equals("text")) {
      reply.text(block.path("text").asText(""));
    } else if (type.equals("tool_use")) {
      toolBlocks.put(
          index,
          new ToolBlock(
              block.path("id").asText(), block.path("name").asText(), new StringBuilder()));
    }
  }

  private void delta(int index, JsonNode delta) {
    switch (delta.path("type").asText()) {
      case "text_delta" -> reply.text(delta.path("text").asText(""));
      case "input_json_delta" -> {
        ToolBlock block = toolBlocks.get(index);
        if (block == null) {
          throw HttpErrors.invalid(
              "anthropic", "input_json_delta for unknown block " + index, null);
        }
        block.json().append(delta.path("partial_json").asText(""));
      }
      default -> {
        // thinking, signature and citations deltas are not surfaced
      }
    }
  }

  private void blockStop(int index) {
    ToolBlock block = toolBlocks.remove(index);
    if (block == null) {
      return;
    }
    toolCall(block.id(), block.name(), block.json().toString());
  }

  static StopReason stopReason(String reason) {
    return switch (reason) {
      case "end_turn" -> StopReason.END_TURN;
      case "tool_use" -> StopReason.TOOL_USE;
      case "max_tokens", "model_context_window_exceeded" -> StopReason.MAX_TOKENS;
      case "stop_sequence" -> StopReason.STOP_SEQUENCE;
      default -> StopReason.OTHER;
    };
  }
}
