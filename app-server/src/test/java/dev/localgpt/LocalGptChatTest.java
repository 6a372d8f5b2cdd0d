package dev.localgpt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.agent.MemoryOnlyChatModel;
import dev.localgpt.core.chat.ChatStreamListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalGptChatTest {
  @TempDir Path home;

  @Test
  void chatWithoutAProviderAnswersFromMemoryAndStreams() throws Exception {
    LocalGpt gpt =
        LocalGpt.builder().home(home).environment(Map.of("OLLAMA_HOST", "127.0.0.1:1")).build();
    Files.writeString(
        gpt.workspace().root().resolve("MEMORY.md"),
        "# Memory\n\nThe quokkaberry jam is in the shed.\n");
    assertThat(gpt.chat("where is the quokkaberry jam?"))
        .contains("MEMORY.md")
        .contains(MemoryOnlyChatModel.HOW_TO_CONFIGURE);
    StringBuilder streamed = new StringBuilder();
    gpt.stream(
        "quokkaberry",
        new ChatStreamListener() {
          @Override
          public void onText(String delta) {
            streamed.append(delta);
          }
        });
    assertThat(streamed).contains("quokkaberry");
    assertThat(gpt.chatService().status().messageCount()).isEqualTo(4);
  }
}
