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

/** One question to the daemon's agent, in a new session: {@code POST /api/chat} or {@code /api/chat/stream}. */
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

  /** One turn in a new session, streamed to {@code listener}: {@code POST /api/chat/stream} (SSE). */
  public void askStreaming(String message, String model, ChatStreamListener listener) {
    HttpURLConnection c = client.request("POST", "/api/chat/stream", chatBody(message, model));
    try (BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.startsWith("data:")) {
          continue;
        }
        String data = line.substring(5).strip();
        if (data.equals("[DONE]")) {
          return;
        }
        JsonNode event = JSON.readTree(data);
        switch (event.path("type").asText()) {
          case "content" -> listener.onText(event.path("delta").asText());
          case "tool_start" -> listener.onToolStart(event.path("name").asText(), event.path("detail").asText(""));
          case "tool_end" -> listener.onToolEnd(event.path("name").asText(), false);
          case "error" -> throw new CliException(event.path("error").asText("the daemon failed to answer"),
              "see the daemon log under <home>/logs, or run with --local", ExitCodes.PROVIDER);
          default -> { }
        }
      }
    } catch (IOException e) {
      throw client.lost(e);
    } finally {
      c.disconnect();
    }
  }

  /** A reply and the model that gave it. */
  public record Reply(String text, String model) {}

  private byte[] chatBody(String message, String model) {
    ObjectNode body = JSON.createObjectNode().put("message", message);
    if (model != null && !model.isBlank()) {
      body.put("model", model);
    }
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
