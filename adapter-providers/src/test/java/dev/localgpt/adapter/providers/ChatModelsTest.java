package dev.localgpt.adapter.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatModelsTest {
  private final FakeProviderServer ollama = new FakeProviderServer();

  @AfterEach
  void stop() {
    ollama.close();
  }

  @Test
  void buildsEachProviderFromItsPrefix() {
    ChatModels models =
        new ChatModels(
            ProviderSettings.builder().openaiCompatible("", "http://127.0.0.1:1234/v1").build());

    assertThat(models.create("anthropic/claude-sonnet-4-5").id())
        .isEqualTo("anthropic/claude-sonnet-4-5");
    assertThat(models.create("openai/qwen/qwen3.5").id()).isEqualTo("openai/qwen/qwen3.5");
    assertThat(models.create("openai-compatible/local").id()).isEqualTo("openai-compatible/local");
    assertThat(models.create("ollama/llama3.2").id()).isEqualTo("ollama/llama3.2");
    assertThat(models.create("llamacpp/models/tiny.gguf").id()).isEqualTo("llamacpp/tiny.gguf");
  }

  @Test
  void resolvesAliasesAndBareNames() {
    assertThat(ChatModels.normalise("sonnet")).isEqualTo("anthropic/claude-sonnet-4-5");
    assertThat(ChatModels.normalise("gpt-4o")).isEqualTo("openai/gpt-4o");
    assertThat(ChatModels.normalise("claude-haiku-4-5")).isEqualTo("anthropic/claude-haiku-4-5");
    assertThat(ChatModels.normalise("llama3.2")).isEqualTo("ollama/llama3.2");
  }

  @Test
  void rejectsUnknownProvidersAndMissingCompatibleUrlWithTheFix() {
    ChatModels models = new ChatModels(ProviderSettings.builder().build());

    assertThatThrownBy(() -> models.create("mistral/large"))
        .hasMessageContaining("unknown provider 'mistral'");
    assertThatThrownBy(() -> models.create("openai-compatible/x"))
        .hasMessageContaining("providers.openai_compatible.base_url");
  }

  @Test
  void detectsInOrderDefaultThenAnthropicThenOpenAi() {
    assertThat(
            detect(
                ProviderSettings.builder()
                    .defaultModel("ollama/qwen3")
                    .environment(Map.of("ANTHROPIC_API_KEY", "a"))))
        .contains("ollama/qwen3");
    assertThat(
            detect(
                ProviderSettings.builder()
                    .environment(Map.of("ANTHROPIC_API_KEY", "a", "OPENAI_API_KEY", "o"))))
        .contains("anthropic/claude-sonnet-4-5");
    assertThat(detect(ProviderSettings.builder().environment(Map.of("OPENAI_API_KEY", "o"))))
        .contains("openai/gpt-4o");
  }

  @Test
  void detectsTheFirstChatModelOfARunningOllama() {
    ollama.replay("ollama/tags-with-capabilities.json", 200, "application/json; charset=utf-8");

    var detected =
        detect(ProviderSettings.builder().environment(Map.of("OLLAMA_HOST", ollama.url(""))));

    assertThat(detected)
        .hasValueSatisfying(m -> assertThat(m).startsWith("ollama/").doesNotContain("minilm"));
    assertThat(ollama.take().getUrl().encodedPath()).isEqualTo("/api/tags");
  }

  @Test
  void fallsBackToAConfiguredGgufThenToNothing(@TempDir Path dir) throws Exception {
    String deadOllama = ollama.url("");
    ollama.close();
    Path gguf = Files.write(dir.resolve("tiny.gguf"), new byte[] {'G', 'G', 'U', 'F'});

    assertThat(detect(ProviderSettings.builder().ollama(deadOllama, 0).gguf(gguf, 512)))
        .contains("llamacpp/" + gguf);
    assertThat(detect(ProviderSettings.builder().ollama(deadOllama, 0))).isEmpty();
  }

  /**
   * A generous probe timeout: a loaded build machine must not turn a running fake Ollama into "none
   * found".
   */
  private static java.util.Optional<String> detect(ProviderSettings.Builder settings) {
    return new ModelDetector(settings.build(), Duration.ofSeconds(5)).detect();
  }
}
