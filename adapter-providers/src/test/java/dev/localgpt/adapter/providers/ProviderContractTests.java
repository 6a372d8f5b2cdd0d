package dev.localgpt.adapter.providers;

import dev.localgpt.adapter.providers.anthropic.AnthropicChatModel;
import dev.localgpt.adapter.providers.http.ProviderHttp;
import dev.localgpt.adapter.providers.ollama.OllamaChatModel;
import dev.localgpt.adapter.providers.openai.OpenAiChatModel;
import dev.localgpt.ports.llm.ChatModel;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Nested;

/** The {@link HttpChatModelContract} run on each HTTP provider against its replayed fixtures. */
class ProviderContractTests {
  private static final OkHttpClient CLIENT =
      ProviderHttp.client(Duration.ofSeconds(2), Duration.ofSeconds(2));
  private static final String SSE = "text/event-stream; charset=utf-8";

  @Nested
  class Anthropic extends HttpChatModelContract {
    @Override
    protected ChatModel model() {
      return new AnthropicChatModel(CLIENT, server.url(""), "k", "claude-sonnet-4-5");
    }

    @Override
    protected void enqueueText() {
      server.replay("anthropic/messages-stream-text.sse", 200, SSE);
    }

    @Override
    protected void enqueueToolCall() {
      server.replay("anthropic/messages-stream-tool-use.sse", 200, SSE);
    }

    @Override
    protected String provider() {
      return "anthropic/";
    }
  }

  @Nested
  class OpenAi extends HttpChatModelContract {
    @Override
    protected ChatModel model() {
      return new OpenAiChatModel(CLIENT, "openai", server.url("/v1"), "k", "gpt-4o-mini", 128_000);
    }

    @Override
    protected void enqueueText() {
      server.replay("openai/chat-completion-stream-text.sse", 200, SSE);
    }

    @Override
    protected void enqueueToolCall() {
      server.replay("openai/chat-completion-stream-tool-calls.sse", 200, SSE);
    }

    @Override
    protected String provider() {
      return "openai/";
    }
  }

  @Nested
  class Ollama extends HttpChatModelContract {
    @Override
    protected ChatModel model() {
      return new OllamaChatModel(CLIENT, server.url(""), "llama3.2", 8192);
    }

    @Override
    protected void enqueueText() {
      server.replay("ollama/chat-stream-text.ndjson", 200, "application/x-ndjson");
    }

    @Override
    protected void enqueueToolCall() {
      server.replay("ollama/chat-stream-tools.ndjson", 200, "application/x-ndjson");
    }

    @Override
    protected String provider() {
      return "ollama/";
    }
  }
}
