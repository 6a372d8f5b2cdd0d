package dev.localgpt.adapter.providers.anthropic;

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
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AnthropicChatModelTest {
  private static final String SSE = "text/event-stream; charset=utf-8";
  private final FakeProviderServer server = new FakeProviderServer();
  private final AnthropicChatModel model =
      new AnthropicChatModel(
          ProviderHttp.client(Duration.ofSeconds(2), Duration.ofSeconds(2)),
          server.url(""),
          "sk-test",
          "claude-sonnet-4-5");

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void streamsTextWithUsageStopReasonAndHeaders() {
    server.replay("anthropic/messages-stream-text.sse", 200, SSE);
    Recorder recorder = new Recorder();

    var response = model.chat(Conversations.hello(), recorder);

    assertThat(response.text())
        .isEqualTo(String.join("", recorder.deltas()))
        .startsWith("The sky looks blue")
        .contains("—")
        .endsWith("long (red) ones.");
    assertThat(recorder.deltas()).hasSize(6);
    assertThat(response.usage().inputTokens()).isEqualTo(14);
    assertThat(response.usage().outputTokens()).isEqualTo(27);
    assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
    assertThat(response.model()).startsWith("anthropic/claude-sonnet-4-5");
    RecordedRequest request = server.take();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/messages");
    assertThat(request.getHeaders().get("x-api-key")).isEqualTo("sk-test");
    assertThat(request.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
    JsonNode body = FakeProviderServer.json(request);
    assertThat(body.path("system").asText()).isEqualTo("Be brief.");
    assertThat(body.path("stream").asBoolean()).isTrue();
    assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
    assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
  }

  @Test
  void assemblesToolInputFromJsonDeltas() {
    server.replay("anthropic/messages-stream-tool-use.sse", 200, SSE);
    Recorder recorder = new Recorder();

    var response = model.chat(Conversations.withToolResults(), recorder);

    assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
    assertThat(response.toolCalls()).hasSize(1);
    var call = response.toolCalls().getFirst();
    assertThat(call.id()).isEqualTo("toolu_01NLWDXrIkvobkAe5HEWNcer");
    assertThat(call.name()).isEqualTo("get_weather");
    assertThat(call.arguments())
        .isEqualTo(
            JsonObject.builder().put("location", "Paris, France").put("unit", "celsius").build());
    assertThat(recorder.toolCalls()).containsExactly(call);
    assertThat(response.text()).isEqualTo("I'll check the current weather in Paris for you.");
  }

  @Test
  void sendsToolUseBeforeMergedToolResultsAndSchemas() {
    server.replay("anthropic/messages-stream-tool-use.sse", 200, SSE);

    model.chat(Conversations.withToolResults(), ChatListener.IGNORE);

    JsonNode body = FakeProviderServer.json(server.take());
    assertThat(body.path("tools").get(0).path("input_schema").path("required").get(0).asText())
        .isEqualTo("location");
    JsonNode messages = body.path("messages");
    assertThat(messages).hasSize(3);
    JsonNode assistant = messages.get(1);
    assertThat(assistant.path("role").asText()).isEqualTo("assistant");
    assertThat(assistant.path("content").get(1).path("type").asText()).isEqualTo("tool_use");
    assertThat(assistant.path("content").get(1).path("input").path("location").asText())
        .isEqualTo("Paris");
    JsonNode results = messages.get(2);
    assertThat(results.path("role").asText()).isEqualTo("user");
    assertThat(results.path("content")).hasSize(2);
    assertThat(results.path("content").get(0).path("tool_use_id").asText()).isEqualTo("call_1");
    assertThat(results.path("content").get(1).path("tool_use_id").asText()).isEqualTo("call_2");
    assertThat(results.path("content").get(1).path("content").asText()).isEqualTo("22C");
  }

  @Test
  void midStreamOverloadedErrorIsARetriableServerError() {
    server.replay("anthropic/messages-stream-error-midstream.sse", 200, SSE);
    Recorder recorder = new Recorder();

    assertThatThrownBy(() -> model.chat(Conversations.hello(), recorder))
        .isInstanceOfSatisfying(
            ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SERVER))
        .hasMessageContaining("Overloaded");
    assertThat(recorder.deltas()).isNotEmpty();
  }

  @Test
  void rateLimitCarriesRetryAfterAndTheProvidersMessage() {
    server.replay(
        "anthropic/error-429-rate-limit.json", 429, "application/json", "retry-after", "21");

    assertThatThrownBy(() -> model.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(21));
            })
        .hasMessageContaining("exceed your organization's rate limit");
  }

  @Test
  void withoutRetryAfterTheExhaustedLimitsResetTimeIsUsed() {
    String reset = java.time.Instant.now().plusSeconds(30).toString();
    server.replay(
        "anthropic/error-429-rate-limit.json",
        429,
        "application/json",
        "anthropic-ratelimit-input-tokens-remaining",
        "0",
        "anthropic-ratelimit-input-tokens-reset",
        reset,
        "anthropic-ratelimit-requests-remaining",
        "12",
        "anthropic-ratelimit-requests-reset",
        reset);

    assertThatThrownBy(() -> model.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class,
            e ->
                assertThat(e.retryAfter())
                    .hasValueSatisfying(
                        d ->
                            assertThat(d)
                                .isBetween(Duration.ofSeconds(20), Duration.ofSeconds(30))));
  }

  @Test
  void retryAfterMsWinsOverRetryAfter() {
    server.replay(
        "anthropic/error-529-overloaded.json",
        529,
        "application/json",
        "retry-after-ms",
        "1500",
        "retry-after",
        "9");

    assertThatThrownBy(() -> model.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.SERVER);
              assertThat(e.retryAfter()).contains(Duration.ofMillis(1500));
            });
  }

  @Test
  void errorBodiesMapToFinalKindsWithHints() {
    server.replay("anthropic/error-401-authentication.json", 401, "application/json");
    server.replay("anthropic/error-400-invalid-request.json", 400, "application/json");

    assertThatThrownBy(() -> model.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.AUTH))
        .hasMessageContaining("invalid x-api-key")
        .hasMessageContaining("ANTHROPIC_API_KEY")
        .hasMessageNotContaining("sk-test");
    assertThatThrownBy(() -> model.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST));
  }

  @Test
  void xShouldRetryTrueMakesAnOtherwiseFinalStatusRetriable() {
    server.replayBytes(
        "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"conflict\"}}"
            .getBytes(),
        409,
        "application/json",
        "x-should-retry",
        "true");

    assertThatThrownBy(() -> model.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class, e -> assertThat(e.kind().retriable()).isTrue());
  }

  @Test
  void streamCutBeforeMessageStopIsANetworkError() {
    server.replayCut("anthropic/messages-stream-text.sse", 0.6, SSE);

    assertThatThrownBy(() -> model.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NETWORK))
        .hasMessageContaining("message_stop");
  }

  @Test
  void malformedJsonIsAnInvalidResponse() {
    server.replayBytes(
        "event: message_start\ndata: {\"type\":\"message_start\",\n\n".getBytes(), 200, SSE);

    assertThatThrownBy(() -> model.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_RESPONSE));
  }

  @Test
  void cancellingStopsTheStream() {
    server.replay("anthropic/messages-stream-text.sse", 200, SSE);
    Recorder recorder = new Recorder();
    recorder.cancelAfterDeltas = 2;

    var response = model.chat(Conversations.hello(), recorder);

    assertThat(response.stopReason()).isEqualTo(StopReason.CANCELLED);
    assertThat(recorder.deltas()).hasSize(2);
  }

  @Test
  void missingKeyIsNotConfigured() {
    var keyless =
        new AnthropicChatModel(
            ProviderHttp.client(Duration.ofSeconds(1), Duration.ofSeconds(1)),
            server.url(""),
            "",
            "claude-sonnet-4-5");

    assertThatThrownBy(() -> keyless.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_CONFIGURED));
    assertThat(server.requestCount()).isZero();
  }
}
