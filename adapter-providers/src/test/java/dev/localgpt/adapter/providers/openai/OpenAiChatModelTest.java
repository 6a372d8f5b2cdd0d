package dev.localgpt.adapter.providers.openai;

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
import dev.localgpt.ports.llm.ToolCall;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiChatModelTest {
  private static final String SSE = "text/event-stream; charset=utf-8";
  private final FakeProviderServer server = new FakeProviderServer();
  private final OpenAiChatModel model =
      new OpenAiChatModel(
          ProviderHttp.client(Duration.ofSeconds(2), Duration.ofSeconds(2)),
          "openai",
          server.url("/v1"),
          "sk-test",
          "gpt-4o-mini",
          128_000);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void streamsTextAndReadsUsageFromTheChunkWithoutChoices() {
    server.replay("openai/chat-completion-stream-text.sse", 200, SSE);
    Recorder recorder = new Recorder();

    var response = model.chat(Conversations.hello(), recorder);

    assertThat(response.text())
        .isEqualTo(String.join("", recorder.deltas()))
        .isEqualTo(
            "The sky looks blue because air scatters short wavelengths of sunlight more than long ones.");
    assertThat(response.usage().inputTokens()).isEqualTo(14);
    assertThat(response.usage().outputTokens()).isEqualTo(16);
    assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
    RecordedRequest request = server.take();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
    assertThat(request.getHeaders().get("authorization")).isEqualTo("Bearer sk-test");
    JsonNode body = FakeProviderServer.json(request);
    assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
    assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
    assertThat(body.path("max_tokens").asInt()).isEqualTo(1024);
  }

  @Test
  void assemblesParallelToolCallsFromArgumentFragments() {
    server.replay("openai/chat-completion-stream-tool-calls.sse", 200, SSE);
    Recorder recorder = new Recorder();

    var response = model.chat(Conversations.withToolResults(), recorder);

    assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
    assertThat(response.toolCalls())
        .containsExactly(
            new ToolCall(
                "call_ZNV3TEIgBu9kvv9xTDHHBOUz",
                "get_weather",
                JsonObject.of("location", "Paris, France")),
            new ToolCall(
                "call_vtASmkeeo7nuZ7lLWpHRHOtP",
                "get_weather",
                JsonObject.of("location", "Tokyo, Japan")));
    assertThat(recorder.toolCalls()).isEqualTo(response.toolCalls());
    assertThat(response.usage().outputTokens()).isEqualTo(50);
  }

  @Test
  void sendsToolCallsAndToolResultsInOrder() {
    server.replay("openai/chat-completion-stream-tool-calls.sse", 200, SSE);

    model.chat(Conversations.withToolResults(), ChatListener.IGNORE);

    JsonNode body = FakeProviderServer.json(server.take());
    JsonNode messages = body.path("messages");
    assertThat(messages).hasSize(4);
    assertThat(
            messages.get(1).path("tool_calls").get(1).path("function").path("arguments").asText())
        .isEqualTo("{\"location\":\"Tokyo\"}");
    assertThat(messages.get(2).path("role").asText()).isEqualTo("tool");
    assertThat(messages.get(2).path("tool_call_id").asText()).isEqualTo("call_1");
    assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("call_2");
    assertThat(body.path("tools").get(0).path("type").asText()).isEqualTo("function");
    assertThat(body.path("tools").get(0).path("function").path("parameters").path("type").asText())
        .isEqualTo("object");
  }

  @Test
  void handlesCrlfCommentsAndNoSpaceAfterTheColon() {
    server.replay("openai/chat-completion-stream-crlf-comments.sse", 200, SSE);

    var response = model.chat(Conversations.hello(), ChatListener.IGNORE);

    assertThat(response.text()).isEqualTo("Hello!");
    assertThat(response.usage().outputTokens()).isZero();
  }

  @Test
  void midStreamErrorThrowsAfterTheTextSoFar() {
    server.replay("openai/chat-completion-stream-error-midstream.sse", 200, SSE);
    Recorder recorder = new Recorder();

    assertThatThrownBy(() -> model.chat(Conversations.hello(), recorder))
        .isInstanceOfSatisfying(
            ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SERVER))
        .hasMessageContaining("The server had an error");
    assertThat(recorder.deltas()).contains(" sky");
  }

  @Test
  void rateLimitWithRetryAfterThenSuccess() {
    server.replay(
        "openai/error-429-rate-limit.json", 429, "application/json", "retry-after-ms", "247");
    server.replay("openai/chat-completion-stream-text.sse", 200, SSE);

    assertThatThrownBy(() -> model.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
              assertThat(e.retryAfter()).contains(Duration.ofMillis(247));
            });
    assertThat(model.chat(Conversations.hello(), ChatListener.IGNORE).text()).startsWith("The sky");
  }

  @Test
  void insufficientQuotaIsNotRetriable() {
    server.replay("openai/error-429-insufficient-quota.json", 429, "application/json");

    assertThatThrownBy(() -> model.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class, e -> assertThat(e.kind().retriable()).isFalse())
        .hasMessageContaining("exceeded your current quota");
  }

  @Test
  void errorBodiesMapToKinds() {
    server.replay("openai/error-401-invalid-api-key.json", 401, "application/json; charset=utf-8");
    server.replay("openai/error-404-model-not-found.json", 404, "application/json; charset=utf-8");
    server.replay("openai/error-400-invalid-param.json", 400, "application/json");

    assertThatThrownBy(() -> model.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.AUTH))
        .hasMessageContaining("OPENAI_API_KEY");
    assertThatThrownBy(() -> model.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_MODEL))
        .hasMessageContaining("gpt-4o-mini-typo");
    assertThatThrownBy(() -> model.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST));
  }

  @Test
  void streamCutWithoutDoneIsANetworkError() {
    server.replayCut("openai/chat-completion-stream-tool-calls.sse", 0.5, SSE);

    assertThatThrownBy(() -> model.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NETWORK))
        .hasMessageContaining("[DONE]");
  }

  @Test
  void argumentsThatAreNotAJsonObjectMakeAMalformedCallInsteadOfFailingTheTurn() {
    String chunk =
        "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"id\":\"c1\","
            + "\"type\":\"function\",\"function\":{\"name\":\"read_file\",\"arguments\":\"{\\\"path\\\": \\\"a.md\"}}]}}]}\n\n"
            + "data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n"
            + "data: [DONE]\n\n";
    server.replayBytes(chunk.getBytes(StandardCharsets.UTF_8), 200, SSE);

    var response = model.chat(Conversations.hello(), ChatListener.IGNORE);

    assertThat(response.toolCalls())
        .containsExactly(ToolCall.malformed("c1", "read_file", "{\"path\": \"a.md"));
    assertThat(response.toolCalls().getFirst().wellFormed()).isFalse();
  }

  @Test
  void readsEventsWithAnyLineEndingSkippingCommentsAndJoiningDataLines() {
    String stream =
        ": keep-alive\r\r"
            + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a—\"}}]}\r\n\r\n"
            + "data: {\"choices\":[{\"index\":0,\"delta\":\ndata: {\"content\":\"b\"}}]}\n\n"
            + "data: [DONE]\r\r";
    server.replayBytes(stream.getBytes(StandardCharsets.UTF_8), 200, SSE);
    Recorder recorder = new Recorder();

    var response = model.chat(Conversations.hello(), recorder);

    assertThat(recorder.deltas()).containsExactly("a—", "b");
    assertThat(response.text()).isEqualTo("a—b");
  }

  @Test
  void malformedChunkIsAnInvalidResponse() {
    server.replayBytes(
        "data: {\"choices\":[{\"delta\":{\"content\":\"x\"}\n\ndata: [DONE]\n\n".getBytes(),
        200,
        SSE);

    assertThatThrownBy(() -> model.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_RESPONSE));
  }

  @Test
  void localServerWithoutKeySendsNoAuthorization() {
    var local =
        new OpenAiChatModel(
            ProviderHttp.client(Duration.ofSeconds(2), Duration.ofSeconds(2)),
            "openai-compatible",
            server.url("/v1/"),
            "",
            "qwen/qwen3",
            32_768);
    server.replay("openai/chat-completion-stream-text.sse", 200, SSE);

    local.chat(Conversations.hello(), ChatListener.IGNORE);

    RecordedRequest request = server.take();
    assertThat(request.getHeaders().get("authorization")).isNull();
    assertThat(FakeProviderServer.json(request).path("model").asText()).isEqualTo("qwen/qwen3");
    assertThat(local.id()).isEqualTo("openai-compatible/qwen/qwen3");
  }

  @Test
  void silenceLongerThanTheReadTimeoutIsATimeout() {
    var impatient =
        new OpenAiChatModel(
            ProviderHttp.client(Duration.ofSeconds(1), Duration.ofMillis(200)),
            "openai",
            server.url("/v1"),
            "k",
            "gpt-4o-mini",
            1000);
    server.replayStalled("openai/chat-completion-stream-text.sse", SSE, 2_000);

    assertThatThrownBy(() -> impatient.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
  }

  @Test
  void cancellingDuringASilentStreamReturnsPromptly() {
    var patient =
        new OpenAiChatModel(
            ProviderHttp.client(Duration.ofSeconds(1), Duration.ofSeconds(10)),
            "openai",
            server.url("/v1"),
            "k",
            "gpt-4o-mini",
            1000);
    server.replayStalled("openai/chat-completion-stream-text.sse", SSE, 5_000);
    long start = System.nanoTime();
    Recorder recorder =
        new Recorder() {
          @Override
          public boolean isCancelled() {
            return System.nanoTime() - start > 300_000_000L;
          }
        };

    var response = patient.chat(Conversations.hello(), recorder);

    assertThat(response.stopReason()).isEqualTo(StopReason.CANCELLED);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void refusedConnectionIsANetworkErrorNamingTheUrl() {
    String url = server.url("/v1");
    server.close();
    var down =
        new OpenAiChatModel(
            ProviderHttp.client(Duration.ofSeconds(1), Duration.ofSeconds(1)),
            "openai-compatible",
            url,
            "",
            "m",
            1000);

    assertThatThrownBy(() -> down.chat(Conversations.hello(), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NETWORK))
        .hasMessageContaining(url);
  }
}
