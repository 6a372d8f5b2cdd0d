package dev.localgpt.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.adapter.embeddings.OnnxEmbedder;
import dev.localgpt.adapter.embeddings.OnnxEmbedders;
import dev.localgpt.core.memory.Chunk;
import dev.localgpt.core.memory.ChunkWindows;
import dev.localgpt.core.memory.ChunkerSettings;
import dev.localgpt.core.memory.MarkdownChunker;
import dev.localgpt.core.memory.TokenCounter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * With all-MiniLM-L6-v2's own tokenizer, chunks of a long conversation-style note are measured in
 * the model's tokens and cut into windows of at most what the model embeds (254 + [CLS] + [SEP]),
 * so every word of the note reaches a vector.
 */
class ChunkWindowIT {
  private static final String[] WORDS = {
    "we",
    "talked",
    "about",
    "the",
    "trip",
    "to",
    "Kyoto",
    "in",
    "April,",
    "my",
    "sister's",
    "new",
    "job",
    "at",
    "Siemens",
    "(remote)",
    "—",
    "and",
    "a",
    "3.5%",
    "raise;",
    "she",
    "said:",
    "\"let's",
    "book",
    "it!\"",
    "ok",
    "👍",
    "東京",
    "rescheduled",
    "2024-05-17",
    "at",
    "10:30",
    "https://example.com/a?b=c",
    "unbelievably",
    "C++/Java",
    "e-mail",
    "café",
    "naïve",
    "#tags",
    "@bob"
  };

  private static String conversation() {
    Random random = new Random(15);
    StringBuilder md = new StringBuilder("# Saved session 2024-05-17\n\n");
    String[] speakers = {"Ann", "Bob", "Caro"};
    for (int turn = 0; turn < 30; turn++) {
      md.append("**").append(speakers[turn % 3]).append("**: ");
      int words = turn % 7 == 3 ? 600 : 20 + random.nextInt(120);
      for (int w = 0; w < words; w++) {
        md.append(w == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
      }
      md.append("\n\n");
    }
    return md.toString();
  }

  @Test
  void everyWordOfALongConversationReachesAWindowOfTheModel() {
    try (OnnxEmbedder embedder = OnnxEmbedders.create()) {
      String note = conversation();
      List<Chunk> chunks =
          new MarkdownChunker(ChunkerSettings.defaults(), TokenCounter.of(embedder))
              .chunk("memory/2024-05-17.md", note);
      ChunkWindows windows = new ChunkWindows(TokenCounter.of(embedder));
      List<String> cut = chunks.stream().flatMap(c -> windows.of(c.text()).stream()).toList();

      assertThat(embedder.maxTokens()).isEqualTo(254);
      assertThat(chunks)
          .allSatisfy(c -> assertThat(embedder.tokenCount(c.text())).isLessThanOrEqualTo(400));
      assertThat(chunks)
          .anySatisfy(c -> assertThat(embedder.tokenCount(c.text())).isGreaterThan(254));
      assertThat(cut).hasSizeGreaterThan(chunks.size());
      assertThat(cut).allSatisfy(w -> assertThat(embedder.tokenCount(w)).isLessThanOrEqualTo(254));
      String all = String.join("\n", cut);
      for (String word : note.split("\\s+")) {
        assertThat(all).contains(word);
      }
      assertThat(embedder.isLoaded()).as("counting tokens never loads the model").isFalse();
    }
  }
}
