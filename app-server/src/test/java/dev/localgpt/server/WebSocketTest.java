package dev.localgpt.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/ws} with the JDK's WebSocket client. */
class WebSocketTest {
  @TempDir Path home;

  static final class Inbox implements WebSocket.Listener {
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(partial.toString());
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    JsonNode next() throws Exception {
      String text = messages.poll(30, TimeUnit.SECONDS);
      assertThat(text).as("a message within 30 s").isNotNull();
      return HttpJson.MAPPER.readTree(text);
    }
  }

  static WebSocket connect(int port, Inbox inbox, Optional<String> token) throws Exception {
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
    token.ifPresent(t -> builder.header("Authorization", "Bearer " + t));
    return builder
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/ws"), inbox)
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void pingSessionAndChat() throws Exception {
    try (ServerFixture server =
        ServerFixture.start(home, ScriptedChatModel.replying(Reply.text("Hello over ws.")))) {
      Inbox inbox = new Inbox();
      WebSocket ws = connect(server.server.port(), inbox, Optional.empty());
      ws.sendText("{\"type\":\"ping\"}", true).join();
      assertThat(inbox.next().get("type").asText()).isEqualTo("pong");
      ws.sendText("{\"type\":\"chat\",\"message\":\"hi\"}", true).join();
      JsonNode connected = inbox.next();
      assertThat(connected.get("type").asText()).isEqualTo("connected");
      assertThat(connected.get("session_id").asText()).isNotBlank();
      JsonNode content = inbox.next();
      assertThat(content.get("type").asText()).isEqualTo("content");
      assertThat(content.get("delta").asText()).isEqualTo("Hello over ws.");
      assertThat(inbox.next().get("type").asText()).isEqualTo("done");
      ws.sendText(
              "{\"type\":\"session\",\"session_id\":\""
                  + connected.get("session_id").asText()
                  + "\"}",
              true)
          .join();
      assertThat(inbox.next().get("session_id").asText())
          .isEqualTo(connected.get("session_id").asText());
      ws.sendText("{oops", true).join();
      JsonNode error = inbox.next();
      assertThat(error.get("type").asText()).isEqualTo("error");
      assertThat(error.get("message").asText()).contains("not valid JSON");
      ws.sendText("{\"type\":\"dance\"}", true).join();
      assertThat(inbox.next().get("message").asText())
          .contains("'type' must be session, chat or ping");
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
  }

  @Test
  void theUpgradeNeedsTheTokenWhenOneIsSet() throws Exception {
    try (ServerFixture server = ServerFixture.startWithToken(home, "s3cret")) {
      assertThatThrownBy(() -> connect(server.server.port(), new Inbox(), Optional.empty()))
          .hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class);
      Inbox inbox = new Inbox();
      WebSocket ws = connect(server.server.port(), inbox, Optional.of("s3cret"));
      ws.sendText("{\"type\":\"ping\"}", true).join();
      assertThat(inbox.next().get("type").asText()).isEqualTo("pong");
    }
  }
}
