package dev.localgpt.adapter.providers.llamacpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.adapter.providers.Conversations.Recorder;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.StopReason;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlamaCppChatModelIT {
  @TempDir static Path dir;
  private static LlamaCppChatModel model;

  @BeforeAll
  static void writeTinyModel() throws Exception {
    Path gguf = TinyGguf.write(dir.resolve("tiny.gguf"));
    assertThat(Files.size(gguf)).isBetween(100_000L, 1_000_000L);
    model = new LlamaCppChatModel(gguf, 512);
  }

  @AfterAll
  static void close() {
    model.close();
  }

  private static ChatRequest request(int maxTokens) {
    return ChatRequest.builder()
        .system("Be brief.")
        .addMessage(ChatMessage.user("Hello"))
        .maxTokens(maxTokens)
        .temperature(0.0)
        .build();
  }

  @Test
  void streamsTokensAndStopsAtMaxTokens() {
    Recorder recorder = new Recorder();
    long start = System.nanoTime();

    var response = model.chat(request(24), recorder);

    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "llama.cpp tiny model, first call incl. load: %d tokens in %.2f s%n",
        response.usage().outputTokens(), seconds);
    assertThat(response.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
    assertThat(response.usage().outputTokens()).isEqualTo(24);
    assertThat(response.usage().inputTokens()).isPositive();
    assertThat(recorder.deltas()).isNotEmpty();
    assertThat(response.text()).isEqualTo(String.join("", recorder.deltas()));
    assertThat(response.model()).isEqualTo("llamacpp/tiny.gguf");
    long warm = System.nanoTime();
    int made = model.chat(request(64), ChatListener.IGNORE).usage().outputTokens();
    System.out.printf(
        "llama.cpp tiny model, loaded: %.0f tokens/s%n", made / ((System.nanoTime() - warm) / 1e9));
  }

  @Test
  void stopsAtAStopString() {
    String full = model.chat(request(24), ChatListener.IGNORE).text();
    String stop =
        full.chars()
            .skip(1)
            .filter(Character::isLetterOrDigit)
            .filter(c -> full.indexOf(c) > 0)
            .mapToObj(Character::toString)
            .findFirst()
            .orElseThrow();

    var stopped =
        model.chat(
            request(24).toBuilder().stopSequences(java.util.List.of(stop)).build(),
            ChatListener.IGNORE);

    assertThat(stopped.text())
        .doesNotContain(stop)
        .isEqualTo(full.substring(0, full.indexOf(stop)));
    assertThat(stopped.stopReason()).isEqualTo(StopReason.END_TURN);
  }

  @Test
  void cancellingStopsEarly() {
    Recorder recorder = new Recorder();
    recorder.cancelAfterDeltas = 3;

    var response = model.chat(request(64), recorder);

    assertThat(response.stopReason()).isEqualTo(StopReason.CANCELLED);
    assertThat(recorder.deltas()).hasSize(3);
  }

  @Test
  void usesTheModelsChatTemplateAndChatMlWithoutOne() throws Exception {
    String llama3 =
        "{% for message in messages %}<|start_header_id|>{{ message['role'] }}<|end_header_id|>\n\n"
            + "{{ message['content'] }}<|eot_id|>{% endfor %}<|start_header_id|>assistant<|end_header_id|>\n\n";
    try (var templated =
        new LlamaCppChatModel(TinyGguf.write(dir.resolve("t.gguf"), llama3), 512)) {
      assertThat(templated.renderPrompt(request(4)))
          .contains("<|start_header_id|>user<|end_header_id|>\n\nHello<|eot_id|>")
          .contains("Be brief.");
    }
    assertThat(model.renderPrompt(request(4))).contains("<|im_start|>user\nHello<|im_end|>");
  }

  @Test
  void missingFileSaysHowToConfigure() {
    var missing = new LlamaCppChatModel(dir.resolve("nope.gguf"), 512);

    assertThatThrownBy(() -> missing.chat(request(4), ChatListener.IGNORE))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("nope.gguf")
        .hasMessageContaining("providers.llamacpp");
  }
}
