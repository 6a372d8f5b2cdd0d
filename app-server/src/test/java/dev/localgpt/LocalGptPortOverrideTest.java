package dev.localgpt;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import dev.localgpt.core.memory.MemoryHit;
import dev.localgpt.core.memory.SearchOptions;
import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.HashingEmbedder;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library builds the wiring's graph; replacing one port is one override, seen by every service
 * above it.
 */
class LocalGptPortOverrideTest {
  @TempDir Path home;

  @Test
  void aUsersOwnChatModelAnswersTheLibrarysChat() {
    ScriptedChatModel mine = ScriptedChatModel.replying(Reply.text("Answered by my own model."));
    try (LocalGpt gpt =
        LocalGpt.builder().home(home).environment(Map.of()).chatModel(mine).build()) {
      assertThat(gpt.chat("who answers?")).isEqualTo("Answered by my own model.");
      assertThat(mine.requests()).hasSize(1);
      assertThat(mine.requests().getFirst().messages().getLast().text()).contains("who answers?");
    }
  }

  @Test
  void aFakeEmbedderReplacedByOverrideIsTheOneMemoryUses() throws Exception {
    HashingEmbedder fake = new HashingEmbedder();
    LocalGpt.Builder builder =
        LocalGpt.builder()
            .home(home)
            .environment(Map.of())
            .override(
                new AbstractModule() {
                  @Override
                  protected void configure() {
                    bind(new TypeLiteral<Optional<Embedder>>() {}).toInstance(Optional.of(fake));
                  }
                });
    try (LocalGpt gpt = builder.build()) {
      Files.writeString(
          gpt.workspace().root().resolve("memory/2024-05-01.md"), "# Day\n\nPlanted tomatoes.\n");
      gpt.memory().index();
      List<MemoryHit> hits = gpt.memory().search("tomatoes", SearchOptions.limit(3));
      assertThat(hits).extracting(MemoryHit::path).contains("memory/2024-05-01.md");
      assertThat(fake.textsEmbedded()).isPositive();
      assertThat(gpt.memory().stats().embeddingModel()).isEqualTo("hashing-256");
    }
  }
}
