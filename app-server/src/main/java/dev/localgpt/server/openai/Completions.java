package dev.localgpt.server.openai;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.core.agent.AgentResult.StopCause;
import dev.localgpt.ports.llm.Usage;
import dev.localgpt.server.HttpJson;

/**
 * The JSON shapes of OpenAI's Chat Completions API: {@code chat.completion} objects and {@code
 * chat.completion.chunk}s, with the fields OpenAI sends (id, object, created, model,
 * system_fingerprint, choices with index/message or delta/logprobs/finish_reason, usage).
 */
final class Completions {
  private final String id;
  private final long created;
  private final String model;

  Completions(String id, long created, String model) {
    this.id = id;
    this.created = created;
    this.model = model;
  }

  /** The whole answer, {@code object: chat.completion}. */
  ObjectNode completion(String text, StopCause stop, Usage usage) {
    ObjectNode out = head("chat.completion");
    ObjectNode choice = out.putArray("choices").addObject();
    choice.put("index", 0);
    ObjectNode message = choice.putObject("message");
    message.put("role", "assistant");
    message.put("content", text);
    message.putNull("refusal");
    message.putArray("annotations");
    choice.putNull("logprobs");
    choice.put("finish_reason", finishReason(stop));
    out.set("usage", usage(usage));
    return out;
  }

  /** The first chunk: the assistant role and empty content. */
  ObjectNode roleChunk(boolean withUsage) {
    ObjectNode chunk = chunk(withUsage);
    ObjectNode delta = choice(chunk).putObject("delta");
    delta.put("role", "assistant");
    delta.put("content", "");
    delta.putNull("refusal");
    return chunk;
  }

  /** A piece of text. */
  ObjectNode contentChunk(String text, boolean withUsage) {
    ObjectNode chunk = chunk(withUsage);
    choice(chunk).putObject("delta").put("content", text);
    return chunk;
  }

  /** The last choice chunk: empty delta and the finish reason. */
  ObjectNode finishChunk(StopCause stop, boolean withUsage) {
    ObjectNode chunk = chunk(withUsage);
    ObjectNode choice = choice(chunk);
    choice.putObject("delta");
    choice.put("finish_reason", finishReason(stop));
    return chunk;
  }

  /** {@code stream_options.include_usage}: no choices, the usage of the whole turn. */
  ObjectNode usageChunk(Usage usage) {
    ObjectNode chunk = head("chat.completion.chunk");
    chunk.putArray("choices");
    chunk.set("usage", usage(usage));
    return chunk;
  }

  private ObjectNode chunk(boolean withUsage) {
    ObjectNode chunk = head("chat.completion.chunk");
    chunk.putArray("choices");
    if (withUsage) {
      chunk.putNull("usage");
    }
    return chunk;
  }

  /**
   * Adds the one choice (index 0, no logprobs, not finished) and returns it; the caller adds the
   * delta.
   */
  private static ObjectNode choice(ObjectNode chunk) {
    ObjectNode choice = chunk.withArray("choices").addObject();
    choice.put("index", 0);
    choice.putNull("logprobs");
    choice.putNull("finish_reason");
    return choice;
  }

  private ObjectNode head(String object) {
    ObjectNode out = HttpJson.object();
    out.put("id", id);
    out.put("object", object);
    out.put("created", created);
    out.put("model", model);
    out.putNull("system_fingerprint");
    return out;
  }

  static ObjectNode usage(Usage usage) {
    ObjectNode out = HttpJson.object();
    out.put("prompt_tokens", usage.inputTokens());
    out.put("completion_tokens", usage.outputTokens());
    out.put("total_tokens", usage.inputTokens() + usage.outputTokens());
    return out;
  }

  static String finishReason(StopCause stop) {
    return stop == StopCause.MAX_TOKENS ? "length" : "stop";
  }
}
