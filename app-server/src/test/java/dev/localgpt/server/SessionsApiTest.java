package dev.localgpt.server;

import static dev.localgpt.server.ChatApiTest.assertError;
import static dev.localgpt.server.ChatApiTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsApiTest {
  @TempDir Path home;

  @Test
  void createListGetMessagesModelClearDelete() throws Exception {
    ScriptedChatModel model =
        ScriptedChatModel.replying(Reply.text("Noted."), Reply.text("Again."));
    try (ServerFixture server = ServerFixture.start(home, model)) {
      Http http = server.http;
      JsonNode created = json(http.post("/api/sessions", ""));
      String id = created.get("session_id").asText();
      assertThat(created.get("model").asText()).isEqualTo("scripted/fake");
      http.post("/api/chat", "{\"message\":\"remember the plums\",\"session_id\":\"" + id + "\"}");

      JsonNode list = json(http.get("/api/sessions"));
      assertThat(list.get("sessions"))
          .anySatisfy(
              s -> {
                assertThat(s.get("session_id").asText()).isEqualTo(id);
                assertThat(s.get("idle_seconds").isIntegralNumber()).isTrue();
              });

      JsonNode one = json(http.get("/api/sessions/" + id));
      assertThat(one.get("message_count").asInt()).isEqualTo(2);
      assertThat(one.get("token_count").asInt()).isPositive();
      assertThat(one.get("api_input_tokens").asLong()).isEqualTo(10);
      assertThat(one.get("api_output_tokens").asLong()).isEqualTo(5);

      JsonNode messages = json(http.get("/api/sessions/" + id + "/messages")).get("messages");
      assertThat(messages).hasSize(2);
      assertThat(messages.get(0).get("role").asText()).isEqualTo("user");
      assertThat(messages.get(0).get("content").asText()).isEqualTo("remember the plums");
      assertThat(messages.get(1).get("role").asText()).isEqualTo("assistant");
      assertThat(messages.get(1).get("tool_calls").isArray()).isTrue();
      assertThat(messages.get(1).get("timestamp").asLong()).isPositive();

      JsonNode switched =
          json(http.post("/api/sessions/" + id + "/model", "{\"model\":\"scripted/fake\"}"));
      assertThat(switched.get("model").asText()).isEqualTo("scripted/fake");

      JsonNode compact = json(http.post("/api/sessions/" + id + "/compact", ""));
      assertThat(compact.has("token_count_before")).isTrue();
      assertThat(compact.has("token_count_after")).isTrue();

      JsonNode cleared = json(http.post("/api/sessions/" + id + "/clear", ""));
      String next = cleared.get("session_id").asText();
      assertThat(next).isNotEqualTo(id);
      var afterClear = http.get("/api/sessions/" + next);
      assertThat(afterClear.statusCode()).as(afterClear.body()).isEqualTo(200);
      assertThat(json(afterClear).get("message_count").asInt()).isZero();

      JsonNode deleted = json(http.delete("/api/sessions/" + next));
      assertThat(deleted.get("deleted").asBoolean()).isTrue();
      assertThat(json(http.get("/api/sessions")).get("sessions"))
          .noneSatisfy(s -> assertThat(s.get("session_id").asText()).isEqualTo(next));
    }
  }

  @Test
  void aStoredSessionIsReloadedFromDiskByANewServer() throws Exception {
    String id;
    try (ServerFixture server =
        ServerFixture.start(home, ScriptedChatModel.replying(Reply.text("Plums.")))) {
      id =
          json(server.http.post("/api/chat", "{\"message\":\"fruit?\"}"))
              .get("session_id")
              .asText();
    }
    try (ServerFixture again = ServerFixture.start(home, ScriptedChatModel.replying())) {
      JsonNode one = json(again.http.get("/api/sessions/" + id));
      assertThat(one.get("message_count").asInt()).isEqualTo(2);
    }
  }

  @Test
  void badIdsUnknownSessionsAndWrongMethods() throws Exception {
    try (ServerFixture server = ServerFixture.start(home, ScriptedChatModel.replying())) {
      Http http = server.http;
      assertError(http.get("/api/sessions/no-such-session"), 404, "no session 'no-such-session'");
      assertError(http.delete("/api/sessions/no-such-session"), 404, "no session");
      assertError(http.get("/api/sessions/bad%20id"), 400, "'id' must be");
      assertError(
          http.post("/api/sessions", "{\"session_id\":7}"), 400, "'session_id' must be a string");
      assertError(http.post("/api/sessions", "{oops"), 400, "not valid JSON");
      String id = json(http.post("/api/sessions", "{}")).get("session_id").asText();
      assertError(http.post("/api/sessions/" + id + "/model", "{}"), 400, "'model' is required");
      assertError(
          http.post("/api/sessions/" + id + "/model", "{\"model\":\"nope/z\"}"),
          400,
          "unknown model");
      assertError(http.method("PUT", "/api/sessions"), 405, "use GET, POST");
      assertError(http.get("/api/sessions/" + id + "/clear"), 405, "use POST");
      assertError(http.method("PATCH", "/api/sessions/" + id), 405, "use GET, DELETE");
    }
  }
}
