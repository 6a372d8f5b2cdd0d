package dev.localgpt.cli.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.cli.CliException;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.core.chat.ChatStreamListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;

/** Turns answered by the daemon's agent: {@code POST /api/chat} or {@code /api/chat/stream}. */
public final class DaemonChat {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DaemonClient client;

  DaemonChat(DaemonClient client) {
    this.client = client;
  }

  /** The answer of one turn in a new session: {@code POST /api/chat}. */
  public Reply ask(String message, String model) {
    JsonNode body = readJson(client.request("POST", "/api/chat", chatBody(message, model)));
    return new Reply(body.path("response").asText(), body.path("model").asText(null));
  }

  /**
   * One turn in a new session, streamed to {@code listener}: {@code POST /api/chat/stream} (SSE).
   */
  public void askStreaming(String message, String model, ChatStreamListener listener) {
    stream(null, message, model, listener);
  }

  /**
   * One turn in the daemon's session {@code sessionId} (a new one when null), streamed to {@code
   * listener}. When the listener says it is cancelled (Ctrl-C), the connection is closed, which
   * stops the turn on the daemon.
   */
  public Streamed stream(
      String sessionId, String message, String model, ChatStreamListener listener) {
    ObjectNode body = chatJson(message, model);
    if (sessionId != null) {
      body.put("session_id", sessionId);
    }
    HttpURLConnection c = client.request("POST", "/api/chat/stream", bytes(body));
    String session = sessionId;
    boolean said = false;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (!listener.isCancelled() && (line = in.readLine()) != null) {
        if (!line.startsWith("data:")) {
          continue;
        }
        String data = line.substring(5).strip();
        if (data.equals("[DONE]")) {
          break;
        }
        JsonNode event = JSON.readTree(data);
        switch (event.path("type").asText()) {
          case "session" -> session = event.path("session_id").asText(session);
          case "content" -> {
            String delta = event.path("delta").asText();
            said |= !delta.isBlank();
            listener.onText(delta);
          }
          case "tool_start" ->
              listener.onToolStart(event.path("name").asText(), event.path("detail").asText(""));
          case "tool_end" -> listener.onToolEnd(event.path("name").asText(), false);
          case "error" ->
              throw new CliException(
                  event.path("error").asText("the daemon failed to answer"),
                  "see the daemon log under <home>/logs, or run with --local",
                  ExitCodes.PROVIDER);
          default -> {}
        }
      }
    } catch (IOException e) {
      throw client.lost(e);
    } finally {
      c.disconnect();
    }
    return new Streamed(session, !said);
  }

  /** How a streamed turn ended: the daemon's session id, and whether the reply had no text. */
  public record Streamed(String sessionId, boolean silent) {}

  /** A reply and the model that gave it. */
  public record Reply(String text, String model) {}

  private byte[] chatBody(String message, String model) {
    return bytes(chatJson(message, model));
  }

  private static ObjectNode chatJson(String message, String model) {
    ObjectNode body = JSON.createObjectNode().put("message", message);
    if (model != null && !model.isBlank()) {
      body.put("model", model);
    }
    return body;
  }

  private static byte[] bytes(ObjectNode body) {
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  private JsonNode readJson(HttpURLConnection c) {
    try (InputStream in = c.getInputStream()) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw client.lost(e);
    } finally {
      c.disconnect();
    }
  }
}
