package dev.localgpt.adapter.providers.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localgpt.adapter.providers.Conversations;
import dev.localgpt.adapter.providers.Conversations.Recorder;
import dev.localgpt.adapter.providers.FakeProviderServer;
import dev.localgpt.adapter.providers.http.ProviderHttp;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.ModelException.Kind;
import dev.localgpt.ports.llm.StopReason;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OllamaChatModelTest {
  private static final String NDJSON = "application/x-ndjson";
  private static final String JSON = "application/json; charset=utf-8";
  private final FakeProviderServer server = new FakeProviderServer();
  private final OllamaChatModel model =
      new OllamaChatModel(
          ProviderHttp.client(Duration.ofSeconds(2), Duration.ofSeconds(2)),
          server.url(""),
          "llama3.2",
          8192);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void streamsNdjsonTextWithUsageAndNumCtx() {
    server.replay("ollama/chat-stream-text.ndjson", 200, NDJSON);
    Recorder recorder = new Recorder();

    var response = model.chat(Conversations.hello(), recorder);

    assertThat(response.text())
        .isEqualTo(String.join("", recorder.deltas()))
        .isEqualTo("The sky looks blue because of Rayleigh scattering.");
    assertThat(response.usage().inputTokens()).isEqualTo(31);
    assertThat(response.usage().outputTokens()).isEqualTo(10);
    assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
    JsonNode body = FakeProviderServer.json(server.take());
    assertThat(body.path("options").path("num_ctx").asInt()).isEqualTo(8192);
    assertThat(body.path("options").path("num_predict").asInt()).isEqualTo(1024);
    assertThat(body.path("messages").get(0).path("content").asText()).isEqualTo("Be brief.");
  }

  @Test
  void readsWholeToolCallsAndSendsToolResultsByName() {
    server.replay("ollama/chat-stream-tools.ndjson", 200, NDJSON);
    Recorder recorder = new Recorder();

    var response = model.chat(Conversations.withToolResults(), recorder);

    assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
    assertThat(response.toolCalls())
        .extracting(c -> c.name())
        .containsExactly("get_weather", "get_weather");
    assertThat(response.toolCalls().get(1).arguments())
        .isEqualTo(JsonObject.builder().put("city", "Paris").put("unit", "celsius").build());
    assertThat(recorder.toolCalls()).hasSize(2);
    JsonNode messages = FakeProviderServer.json(server.take()).path("messages");
    assertThat(
            messages
                .get(1)
                .path("tool_calls")
                .get(0)
                .path("function")
                .path("arguments")
                .path("location")
                .asText())
        .isEqualTo("Paris");
    assertThat(messages.get(2).path("role").asText()).isEqualTo("tool");
    assertThat(messages.get(2).path("tool_name").asText()).isEqualTo("get_weather");
    assertThat(messages.get(3).path("content").asText()).isEqualTo("22C");
  }

  @Test
  void generatesCallIdsWhenTheServerSendsNone() {
    String line1 =
        "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":"
            + "[{\"function\":{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Oslo\"}}}]},\"done\":false}\n";
    String line2 =
        "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true}\n";
    server.replayBytes((line1 + line2).getBytes(), 200, NDJSON);

    var response = model.chat(Conversations.hello(), ChatListener.IGNORE);

    assertThat(response.toolCalls().getFirst().id()).isEqualTo("call_0");
  }

  @Test
  void retriesOnceWithoutToolsWhenTheModelDoesNotSupportThem() {
    server.replay("ollama/error-400-tools-unsupported.json", 400, JSON);
    server.replay("ollama/chat-stream-text.ndjson", 200, NDJSON);

    var response = model.chat(Conversations.withToolResults(), ChatListener.IGNORE);

    assertThat(response.text()).startsWith("The sky");
    assertThat(FakeProviderServer.json(server.take()).has("tools")).isTrue();
    assertThat(FakeProviderServer.json(server.take()).has("tools")).isFalse();
  }

  @Test
  void modelNotFoundIsUnknownModelWithAPullHint() {
    server.replay("ollama/error-404-model-not-found.json", 404, JSON);
    server.replay("ollama/error-404-model-not-found-legacy.json", 404, JSON);

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> model.chat(Conversations.hello(), ChatListener.IGNORE))
          .isInstanceOfSatisfying(
              ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_MODEL))
          .hasMessageContaining("not found")
          .hasMessageContaining("ollama pull llama3.2");
    }
  }

  @Test
  void midStreamErrorLineThrows() {
    server.replay("ollama/chat-stream-error-midstream.ndjson", 200, NDJSON);
    Recorder recorder = new Recorder();

    assertThatThrownBy(() -> model.chat(Conversations.hello(), recorder))
        .isInstanceOfSatisfying(
            ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SERVER))
        .hasMessageContaining("an error was encountered while running the model");
    assertThat(recorder.deltas()).isNotEmpty();
  }

  @Test
  void rateLimitThenSuccess() {
    server.replayBytes(
        "{\"error\":\"server busy, please try again\"}".getBytes(), 429, JSON, "retry-after", "2");
    server.replay("ollama/chat-stream-text.ndjson", 200, NDJSON);

    assertThatThrownBy(() -> model.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
            });
    assertThat(model.chat(Conversations.hello(), ChatListener.IGNORE).text()).startsWith("The sky");
  }

  @Test
  void streamCutBeforeDoneIsANetworkError() {
    server.replayCut("ollama/chat-stream-text.ndjson", 0.5, NDJSON);

    assertThatThrownBy(() -> model.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NETWORK));
  }

  @Test
  void malformedLineIsAnInvalidResponse() {
    server.replayBytes("{\"model\":\"m\",\"message\":{\n{\"done\":true}\n".getBytes(), 200, NDJSON);

    assertThatThrownBy(() -> model.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_RESPONSE));
  }
}
