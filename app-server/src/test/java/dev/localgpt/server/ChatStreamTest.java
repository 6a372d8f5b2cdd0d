package dev.localgpt.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/chat/stream} read as a stream by java.net.http, line by line as the events
 * arrive.
 */
class ChatStreamTest {
  @TempDir Path home;

  /** The {@code data:} payloads of the stream, in order. */
  static List<String> events(Http http, String body) {
    HttpRequest request =
        http.request("/api/chat/stream")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<Stream<String>> res = http.stream(request);
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
    List<String> data = new ArrayList<>();
    try (Stream<String> lines = res.body()) {
      lines.filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).forEach(data::add);
    }
    return data;
  }

  static JsonNode json(String text) {
    try {
      return HttpJson.MAPPER.readTree(text);
    } catch (Exception e) {
      throw new AssertionError(text, e);
    }
  }

  @Test
  void streamsSessionContentToolEventsDoneThenDoneMarker() throws Exception {
    ScriptedChatModel model =
        ScriptedChatModel.replying(
            Reply.tool("memory_search", JsonObject.of("query", "quokka")),
            Reply.text("The quokka jam is in the shed."));
    try (ServerFixture server = ServerFixture.start(home, model)) {
      Files.writeString(
          server.workspace().root().resolve("MEMORY.md"), "# Memory\n\nquokka jam: shed\n");
      List<String> data = events(server.http, "{\"message\":\"where is the jam?\"}");
      assertThat(data.getLast()).isEqualTo("[DONE]");
      List<JsonNode> events =
          data.subList(0, data.size() - 1).stream().map(ChatStreamTest::json).toList();
      assertThat(events)
          .extracting(e -> e.get("type").asText())
          .startsWith("session", "tool_start", "tool_end", "content")
          .endsWith("done");
      assertThat(events.getFirst().get("session_id").asText()).isNotBlank();
      JsonNode start = events.get(1);
      assertThat(start.get("name").asText()).isEqualTo("memory_search");
      assertThat(start.get("id").asText()).startsWith("call_");
      assertThat(start.has("detail")).isTrue();
      JsonNode end = events.get(2);
      assertThat(end.get("id").asText()).isEqualTo(start.get("id").asText());
      assertThat(end.get("output").asText()).contains("MEMORY.md").hasSizeLessThanOrEqualTo(500);
      assertThat(end.get("warnings").isArray()).isTrue();
      String text =
          events.stream()
              .filter(e -> e.get("type").asText().equals("content"))
              .map(e -> e.get("delta").asText())
              .reduce("", String::concat);
      assertThat(text).isEqualTo("The quokka jam is in the shed.");
    }
  }

  @Test
  void toolsThatNeedApprovalAreDeniedBecauseNobodyIsThereToAsk() throws Exception {
    ScriptedChatModel model =
        ScriptedChatModel.replying(
            Reply.tool("memory_search", JsonObject.of("query", "x")), Reply.text("ok"));
    try (ServerFixture server =
        ServerFixture.start(
            home,
            model,
            "[tools]\nrequire_approval = [\"memory_search\"]\n",
            ServerFixture.UNLIMITED)) {
      List<String> data = events(server.http, "{\"message\":\"search\"}");
      JsonNode end =
          data.stream()
              .filter(d -> d.contains("\"tool_end\""))
              .map(ChatStreamTest::json)
              .findFirst()
              .orElseThrow();
      assertThat(end.get("output").asText())
          .contains("memory_search was refused", "nobody can approve it here");
    }
  }

  @Test
  void aModelFailureMidStreamIsAnErrorEventThenDone() throws Exception {
    ScriptedChatModel failing =
        ScriptedChatModel.answering(
            r -> {
              throw new ModelException(ModelException.Kind.AUTH, "invalid x-api-key");
            });
    try (ServerFixture server = ServerFixture.start(home, failing)) {
      List<String> data = events(server.http, "{\"message\":\"hi\"}");
      assertThat(data).hasSize(3);
      assertThat(json(data.get(0)).get("type").asText()).isEqualTo("session");
      assertThat(json(data.get(1)).get("type").asText()).isEqualTo("error");
      assertThat(json(data.get(1)).get("error").asText()).contains("invalid x-api-key");
      assertThat(data.get(2)).isEqualTo("[DONE]");
    }
  }
}
