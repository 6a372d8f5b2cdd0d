package dev.localgpt.cli.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The daemon's session routes ({@code /api/sessions...}), {@code GET /api/status} and {@code POST
 * /api/memory/reindex}, for a chat whose session lives on the daemon.
 */
public final class DaemonSessions {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DaemonClient client;

  DaemonSessions(DaemonClient client) {
    this.client = client;
  }

  /**
   * {@code POST /api/sessions}: continues the stored session {@code id}, or a new one when empty or
   * unknown.
   */
  public Session open(Optional<String> id) {
    ObjectNode body = JSON.createObjectNode();
    id.ifPresent(i -> body.put("session_id", i));
    JsonNode reply = call("POST", "/api/sessions", body);
    return new Session(reply.path("session_id").asText(), reply.path("model").asText(), 0, 0);
  }

  /** {@code GET /api/sessions/{id}}. */
  public Session get(String id) {
    JsonNode reply = call("GET", "/api/sessions/" + id, null);
    return new Session(
        reply.path("session_id").asText(id),
        reply.path("model").asText(),
        reply.path("message_count").asInt(),
        reply.path("token_count").asInt());
  }

  /** {@code POST /api/sessions/{id}/model}: the id of the model now used. */
  public String switchModel(String id, String model) {
    return call(
            "POST", "/api/sessions/" + id + "/model", JSON.createObjectNode().put("model", model))
        .path("model")
        .asText(model);
  }

  /** {@code POST /api/sessions/{id}/compact}. */
  public Compaction compact(String id) {
    JsonNode reply = call("POST", "/api/sessions/" + id + "/compact", null);
    return new Compaction(
        reply.path("compacted").asBoolean(),
        reply.path("token_count_before").asInt(),
        reply.path("token_count_after").asInt(),
        reply.path("reason").asText(""));
  }

  /** {@code POST /api/sessions/{id}/clear}: the new session's id. */
  public String clear(String id) {
    return call("POST", "/api/sessions/" + id + "/clear", null).path("session_id").asText();
  }

  /** {@code GET /api/status}. */
  public Status status() {
    JsonNode reply = call("GET", "/api/status", null);
    return new Status(
        reply.path("version").asText(),
        reply.path("model").asText(),
        reply.path("memory_chunks").asInt());
  }

  /**
   * {@code POST /api/memory/reindex}: brings the daemon's index up to date; the reply as one line.
   */
  public String reindex() {
    JsonNode reply = call("POST", "/api/memory/reindex", null);
    return "Reindexed: "
        + reply.path("files_updated").asInt()
        + " of "
        + reply.path("files_processed").asInt()
        + " files changed, "
        + reply.path("chunks_indexed").asInt()
        + " chunks, in "
        + reply.path("duration_ms").asLong()
        + " ms.";
  }

  /** A session on the daemon; counts are 0 when not asked for. */
  public record Session(String id, String model, int messages, int tokens) {}

  /** The outcome of {@code /compact}. */
  public record Compaction(boolean compacted, int tokensBefore, int tokensAfter, String reason) {}

  /** What {@code /api/status} says. */
  public record Status(String version, String model, int memoryChunks) {}

  private JsonNode call(String method, String path, ObjectNode body) {
    ObjectNode sent = body == null && method.equals("POST") ? JSON.createObjectNode() : body;
    byte[] bytes = sent == null ? null : sent.toString().getBytes(StandardCharsets.UTF_8);
    return DaemonClient.json(client.request(method, path, bytes));
  }
}
