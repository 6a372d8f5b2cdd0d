package dev.localgpt.adapter.providers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.adapter.providers.Conversations.Recorder;
import dev.localgpt.adapter.providers.anthropic.AnthropicChatModel;
import dev.localgpt.adapter.providers.http.ProviderHttp;
import dev.localgpt.adapter.providers.ollama.OllamaChatModel;
import dev.localgpt.adapter.providers.openai.OpenAiChatModel;
import dev.localgpt.core.llm.FailoverChatModel;
import dev.localgpt.core.llm.RetryPolicy;
import dev.localgpt.core.llm.RetryingChatModel;
import dev.localgpt.ports.llm.ChatEvent;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatModel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Core's retry and failover on top of the real adapters and their replayed wire formats. */
class ResilienceOverProvidersTest {
  private static final OkHttpClient CLIENT =
      ProviderHttp.client(Duration.ofSeconds(2), Duration.ofSeconds(2));
  private static final String SSE = "text/event-stream; charset=utf-8";
  private final FakeProviderServer server = new FakeProviderServer();
  private final FakeProviderServer other = new FakeProviderServer();
  private final List<Duration> slept = new ArrayList<>();
  private final RetryPolicy policy =
      new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(60));

  @AfterEach
  void stop() {
    server.close();
    other.close();
  }

  private ChatModel retrying(ChatModel model) {
    return new RetryingChatModel(model, policy, (d, cancelled) -> slept.add(d), () -> 0.5);
  }

  @Test
  void anthropic429WithRetryAfterThen200() {
    server.replay(
        "anthropic/error-429-rate-limit.json", 429, "application/json", "retry-after", "21");
    server.replay("anthropic/messages-stream-text.sse", 200, SSE);

    var response =
        retrying(new AnthropicChatModel(CLIENT, server.url(""), "k", "claude-sonnet-4-5"))
            .chat(Conversations.hello(), ChatListener.IGNORE);

    assertThat(response.text()).startsWith("The sky");
    assertThat(slept).containsExactly(Duration.ofSeconds(21));
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void openAi429WithRetryAfterMsThen200() {
    server.replay(
        "openai/error-429-rate-limit.json", 429, "application/json", "retry-after-ms", "247");
    server.replay("openai/chat-completion-stream-text.sse", 200, SSE);

    var response =
        retrying(new OpenAiChatModel(CLIENT, "openai", server.url("/v1"), "k", "gpt-4o-mini", 1))
            .chat(Conversations.hello(), ChatListener.IGNORE);

    assertThat(response.text()).startsWith("The sky");
    assertThat(slept).containsExactly(Duration.ofMillis(247));
  }

  @Test
  void ollama503WithoutRetryAfterBacksOffThen200() {
    server.replayBytes("{\"error\":\"server busy\"}".getBytes(), 503, "application/json");
    server.replay("ollama/chat-stream-text.ndjson", 200, "application/x-ndjson");

    var response =
        retrying(new OllamaChatModel(CLIENT, server.url(""), "llama3.2", 8192))
            .chat(Conversations.hello(), ChatListener.IGNORE);

    assertThat(response.text()).startsWith("The sky");
    assertThat(slept).containsExactly(Duration.ofMillis(375));
  }

  @Test
  void overloadedAnthropicFailsOverToOllamaWithOneNotice() {
    server.replay("anthropic/error-529-overloaded.json", 529, "application/json");
    other.replay("ollama/chat-stream-text.ndjson", 200, "application/x-ndjson");
    var noRetry = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    ChatModel chain =
        new FailoverChatModel(
            List.of(
                new RetryingChatModel(
                    new AnthropicChatModel(CLIENT, server.url(""), "k", "claude-sonnet-4-5"),
                    noRetry),
                new RetryingChatModel(
                    new OllamaChatModel(CLIENT, other.url(""), "llama3.2", 8192), noRetry)),
            Duration.ofSeconds(60),
            Clock.systemUTC());
    Recorder recorder = new Recorder();

    var response = chain.chat(Conversations.hello(), recorder);

    assertThat(response.model()).isEqualTo("ollama/llama3.2");
    assertThat(recorder.events)
        .filteredOn(e -> e instanceof ChatEvent.Notice)
        .singleElement()
        .isEqualTo(
            new ChatEvent.Notice(
                "anthropic/claude-sonnet-4-5 had a server error; using ollama/llama3.2"));
  }
}
