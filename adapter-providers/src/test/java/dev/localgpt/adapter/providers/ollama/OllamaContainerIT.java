package dev.localgpt.adapter.providers.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.adapter.providers.Conversations.Recorder;
import dev.localgpt.adapter.providers.http.ProviderHttp;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ChatResponse;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.StopReason;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.ollama.OllamaContainer;

/**
 * {@link OllamaChatModel} against a real Ollama server in Docker, with a tiny chat model pulled at
 * start-up (about 270 MB). Skipped, not failed, where there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class OllamaContainerIT {
  private static final String IMAGE = "ollama/ollama:0.12.5";
  private static final String MODEL = "smollm2:135m";

  @Container private static final OllamaContainer OLLAMA = new OllamaContainer(IMAGE);

  private static OkHttpClient client;

  @BeforeAll
  static void pullModel() throws Exception {
    ExecResult pull = OLLAMA.execInContainer("ollama", "pull", MODEL);
    assertThat(pull.getExitCode()).as("ollama pull %s: %s", MODEL, pull.getStderr()).isZero();
    client = ProviderHttp.client(Duration.ofSeconds(10), Duration.ofMinutes(2));
  }

  private static ChatRequest hello(int maxTokens) {
    return ChatRequest.builder()
        .system("Be brief.")
        .addMessage(ChatMessage.user("Say hello in one sentence."))
        .maxTokens(maxTokens)
        .temperature(0.0)
        .build();
  }

  @Test
  void streamsAReplyWhoseDeltasMakeUpTheText() {
    OllamaChatModel model = new OllamaChatModel(client, OLLAMA.getEndpoint(), MODEL, 2048);
    Recorder recorder = new Recorder();

    ChatResponse response = model.chat(hello(48), recorder);

    assertThat(recorder.deltas()).hasSizeGreaterThan(1);
    assertThat(response.text()).isNotBlank().isEqualTo(String.join("", recorder.deltas()));
    assertThat(response.model()).isEqualTo("ollama/" + MODEL);
    assertThat(response.stopReason()).isIn(StopReason.END_TURN, StopReason.MAX_TOKENS);
    assertThat(response.usage().inputTokens()).isPositive();
    assertThat(response.usage().outputTokens()).isBetween(1, 48);
  }

  @Test
  void stopsAtMaxTokens() {
    OllamaChatModel model = new OllamaChatModel(client, OLLAMA.getEndpoint(), MODEL, 2048);

    ChatResponse response =
        model.chat(
            ChatRequest.builder()
                .addMessage(ChatMessage.user("Count from 1 to 100, one number a line."))
                .maxTokens(5)
                .temperature(0.0)
                .build(),
            ChatListener.IGNORE);

    assertThat(response.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
    assertThat(response.usage().outputTokens()).isEqualTo(5);
  }

  @Test
  void anUnpulledModelSaysHowToPullIt() {
    OllamaChatModel missing =
        new OllamaChatModel(client, OLLAMA.getEndpoint(), "no-such-model:1b", 0);

    assertThatThrownBy(() -> missing.chat(hello(8), ChatListener.IGNORE))
        .isInstanceOfSatisfying(
            ModelException.class,
            e -> assertThat(e.kind()).isEqualTo(ModelException.Kind.UNKNOWN_MODEL))
        .hasMessageContaining("ollama pull no-such-model:1b");
  }
}
