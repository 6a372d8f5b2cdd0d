package dev.localgpt.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatApiTest {
  @TempDir Path home;

  static JsonNode json(HttpResponse<String> res) throws Exception {
    return HttpJson.MAPPER.readTree(res.body());
  }

  @Test
  void chatAnswersAndContinuesTheSameSession() throws Exception {
    ScriptedChatModel model =
        ScriptedChatModel.replying(Reply.text("Hello there."), Reply.text("Still here."));
    try (ServerFixture server = ServerFixture.start(home, model)) {
      HttpResponse<String> first = server.http.post("/api/chat", "{\"message\":\"hi, I am Ada\"}");
      assertThat(first.statusCode()).isEqualTo(200);
      JsonNode answer = json(first);
      assertThat(answer.get("response").asText()).isEqualTo("Hello there.");
      assertThat(answer.get("model").asText()).isEqualTo("scripted/fake");
      String id = answer.get("session_id").asText();
      HttpResponse<String> second =
          server.http.post(
              "/api/chat", "{\"message\":\"who am I?\",\"session_id\":\"" + id + "\"}");
      assertThat(json(second).get("session_id").asText()).isEqualTo(id);
      assertThat(json(second).get("response").asText()).isEqualTo("Still here.");
      assertThat(model.requests().get(1).messages())
          .extracting(ChatMessage::text)
          .anySatisfy(text -> assertThat(text).contains("hi, I am Ada"));
    }
  }

  @Test
  void anUnknownSessionIdStartsANewSession() throws Exception {
    try (ServerFixture server =
        ServerFixture.start(home, ScriptedChatModel.replying(Reply.text("New.")))) {
      JsonNode answer =
          json(server.http.post("/api/chat", "{\"message\":\"hi\",\"session_id\":\"no-such-id\"}"));
      assertThat(answer.get("session_id").asText()).isNotEqualTo("no-such-id").isNotBlank();
    }
  }

  @Test
  void badBodiesAreClearFourHundreds() throws Exception {
    try (ServerFixture server = ServerFixture.start(home, ScriptedChatModel.replying())) {
      assertError(server.http.post("/api/chat", "{\"message\":"), 400, "not valid JSON");
      assertError(server.http.post("/api/chat", ""), 400, "empty");
      assertError(server.http.post("/api/chat", "[1,2]"), 400, "must be a JSON object");
      assertError(server.http.post("/api/chat", "{}"), 400, "'message' is required");
      assertError(
          server.http.post("/api/chat", "{\"message\":42}"),
          400,
          "'message' must be a string, was number");
      assertError(
          server.http.post("/api/chat", "{\"message\":\"hi\",\"session_id\":\"../etc\"}"),
          400,
          "'session_id' must be");
      assertError(
          server.http.post("/api/chat", "{\"message\":\"hi\",\"model\":\"nope/x\"}"),
          400,
          "unknown model 'nope/x'");
      assertError(
          server.http.post("/api/chat/stream", "{\"message\":true}"),
          400,
          "'message' must be a string");
      assertError(server.http.get("/api/chat"), 405, "use POST");
    }
  }

  @Test
  void aModelFailureIsABadGatewayWithoutStackTrace() throws Exception {
    ScriptedChatModel failing =
        ScriptedChatModel.answering(
            r -> {
              throw new ModelException(ModelException.Kind.SERVER, "provider said 503");
            });
    try (ServerFixture server = ServerFixture.start(home, failing)) {
      HttpResponse<String> res = server.http.post("/api/chat", "{\"message\":\"hi\"}");
      assertThat(res.statusCode()).isEqualTo(502);
      assertThat(json(res).at("/error/code").asText()).isEqualTo("model_error");
      assertThat(res.body()).contains("provider said 503").doesNotContain("at dev.");
    }
  }

  static void assertError(HttpResponse<String> res, int status, String messagePart)
      throws Exception {
    assertThat(res.statusCode()).as(res.body()).isEqualTo(status);
    JsonNode body = json(res);
    assertThat(body.at("/error/code").asText()).isNotBlank();
    assertThat(body.at("/error/message").asText()).contains(messagePart);
  }
}
