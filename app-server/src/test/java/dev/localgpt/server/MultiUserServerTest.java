package dev.localgpt.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code [[server.users]]} on SQLite, over real HTTP: each token runs on its user's own workspace,
 * index file and sessions; alice and bob both read the family workspace, never each other.
 */
class MultiUserServerTest {
  @TempDir Path home;

  @Test
  void eachTokenSeesOnlyItsOwnMemoryAndTheSharedWorkspace() throws Exception {
    try (ServerFixture server = UserIsolation.start(home, "embedding_provider = \"none\"\n")) {
      UserIsolation.writeAndIndex(home, server);

      UserIsolation.assertSearchesStayApart(server);
      UserIsolation.assertMcpSearchStaysApart(server);
      assertThat(home.resolve("users/alice/data/memory.sqlite")).exists();
      assertThat(home.resolve("users/bob/data/memory.sqlite")).exists();
    }
  }

  @Test
  void aUserCannotReadOrDeleteAnotherUsersSession() throws Exception {
    try (ServerFixture server = UserIsolation.start(home, "embedding_provider = \"none\"\n")) {
      UserIsolation.assertSessionsStayApart(server);
      try (var files = Files.list(home.resolve("users/alice/sessions"))) {
        assertThat(files.count()).isPositive();
      }
    }
  }

  @Test
  void theWebSocketChatsInTheCallersOwnSessions() throws Exception {
    try (ServerFixture server = UserIsolation.start(home, "embedding_provider = \"none\"\n")) {
      int port = server.server.port();
      WebSocketTest.Inbox inbox = new WebSocketTest.Inbox();
      WebSocket ws = WebSocketTest.connect(port, inbox, Optional.of("alice-token-0123456789"));
      ws.sendText("{\"type\":\"chat\",\"message\":\"hi\"}", true).join();
      JsonNode connected = inbox.next();
      assertThat(connected.get("type").asText()).isEqualTo("connected");
      String id = connected.get("session_id").asText();
      assertThat(inbox.next().get("type").asText()).isEqualTo("content");
      assertThat(inbox.next().get("type").asText()).isEqualTo("done");
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();

      assertThat(UserIsolation.as(server, "alice").get("/api/sessions/" + id).statusCode())
          .isEqualTo(200);
      assertThat(UserIsolation.as(server, "bob").get("/api/sessions/" + id).statusCode())
          .isEqualTo(404);
      assertThatThrownBy(
              () -> WebSocketTest.connect(port, new WebSocketTest.Inbox(), Optional.of("nobody")))
          .hasCauseInstanceOf(WebSocketHandshakeException.class);
    }
  }

  @Test
  void aWrongOrMissingTokenIsUnauthorized() {
    try (ServerFixture server = UserIsolation.start(home, "embedding_provider = \"none\"\n")) {
      UserIsolation.assertStrangersAreRefused(server);
    }
  }
}
