package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The chunker measuring in a model's tokens: a fake counter where a word of n characters is 1 + n /
 * 4 tokens.
 */
class MarkdownChunkerTokensTest {
  /** A model window of 40 tokens. */
  private static final TokenCounter FAKE = counter(40);

  /** Chunks of 40 tokens, 8 overlap. */
  private final MarkdownChunker chunker = new MarkdownChunker(new ChunkerSettings(40, 8, 4), FAKE);

  private static TokenCounter counter(int window) {
    return new TokenCounter() {
      @Override
      public String id() {
        return "fake-" + window;
      }

      @Override
      public int count(String text) {
        int tokens = 0;
        for (String word : text.split("\\s+")) {
          if (!word.isEmpty()) {
            tokens += 1 + word.codePointCount(0, word.length()) / 4;
          }
        }
        return tokens;
      }

      @Override
      public int window() {
        return window;
      }
    };
  }

  private static String sentence(Random random, int words) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < words; i++) {
      sb.append(i == 0 ? "" : " ").append("w".repeat(1 + random.nextInt(12))).append(i);
    }
    return sb.toString();
  }

  /**
   * A chat log: headings per session, one line per turn, turns of very different lengths, some over
   * a chunk.
   */
  private static String conversation(long seed) {
    Random random = new Random(seed);
    StringBuilder md = new StringBuilder("# Sessions\n\n");
    for (int session = 0; session < 6; session++) {
      md.append("## Session ").append(session).append("\n\n");
      for (int turn = 0; turn < 25; turn++) {
        md.append(turn % 2 == 0 ? "**Ann**: " : "**Bob**: ")
            .append(sentence(random, turn % 10 == 3 ? 60 : 1 + random.nextInt(12)))
            .append("\n");
      }
      md.append("\n");
    }
    return md.toString();
  }

  @Test
  void noChunkIsLargerThanTheChunkSizeAndEveryWordIsInAChunk() {
    for (long seed = 1; seed <= 5; seed++) {
      String md = conversation(seed);
      List<Chunk> chunks = chunker.chunk("chat.md", md);

      assertThat(chunks).allSatisfy(c -> assertThat(FAKE.count(c.text())).isLessThanOrEqualTo(40));
      List<String> lines = MarkdownChunker.splitLines(md);
      for (int i = 0; i < lines.size(); i++) {
        int line = i + 1;
        List<String> covering =
            chunks.stream()
                .filter(c -> c.startLine() <= line && line <= c.endLine())
                .map(Chunk::text)
                .toList();
        for (String word : lines.get(i).split("\\s+")) {
          if (!word.isEmpty()) {
            assertThat(covering)
                .as("line %d word %s", line, word)
                .anySatisfy(t -> assertThat(t).contains(word));
          }
        }
      }
    }
  }

  @Test
  void chunksOfWholeLinesAreExactlyTheirLineRangeAndOverlapAtMostTheOverlap() {
    String md = conversation(7);
    List<String> lines = MarkdownChunker.splitLines(md);
    List<Chunk> chunks = chunker.chunk("chat.md", md);

    List<Chunk> whole = new ArrayList<>();
    for (Chunk c : chunks) {
      String range = String.join("\n", lines.subList(c.startLine() - 1, c.endLine()));
      if (c.text().equals(range)) {
        whole.add(c);
      } else {
        assertThat(c.startLine())
            .as("only a split long line differs from its range")
            .isEqualTo(c.endLine());
        assertThat(FAKE.count(range)).isGreaterThan(40);
        assertThat(range).contains(c.text());
      }
      assertThat(c.hash()).isEqualTo(Hashes.sha256(c.text()));
    }
    assertThat(whole).anySatisfy(c -> assertThat(c.endLine()).isGreaterThan(c.startLine()));
    for (int i = 1; i < whole.size(); i++) {
      Chunk prev = whole.get(i - 1);
      Chunk next = whole.get(i);
      if (next.startLine() <= prev.endLine()) {
        String shared = String.join("\n", lines.subList(next.startLine() - 1, prev.endLine()));
        assertThat(FAKE.count(shared)).isLessThanOrEqualTo(8);
      }
    }
  }

  @Test
  void chunksMayBeLargerThanTheWindowTheirVectorsAreMadeOfWindows() {
    MarkdownChunker large = new MarkdownChunker(new ChunkerSettings(100, 20, 4), FAKE);
    List<Chunk> chunks = large.chunk("chat.md", conversation(3));

    assertThat(chunks).allSatisfy(c -> assertThat(FAKE.count(c.text())).isLessThanOrEqualTo(100));
    assertThat(chunks).anySatisfy(c -> assertThat(FAKE.count(c.text())).isGreaterThan(40));
    assertThat(large.version()).isEqualTo("markdown-2/tokens:fake-40@40/100/20");
  }

  @Test
  void aSmallerChunkSizeThanTheWindowBoundsChunksByIt() {
    MarkdownChunker small = new MarkdownChunker(new ChunkerSettings(25, 5, 4), counter(1000));
    List<Chunk> chunks = small.chunk("chat.md", conversation(3));

    assertThat(chunks).allSatisfy(c -> assertThat(FAKE.count(c.text())).isLessThanOrEqualTo(25));
    assertThat(chunks).anySatisfy(c -> assertThat(FAKE.count(c.text())).isGreaterThan(12));
  }

  @Test
  void aLongLineIsSplitBetweenWordsWithOverlapAndAHugeWordBetweenCodePoints() {
    Random random = new Random(11);
    String line = sentence(random, 300);
    List<Chunk> pieces =
        chunker.chunk("a.md", "before\n" + line + "\nafter").stream()
            .filter(c -> c.startLine() == 2)
            .toList();

    assertThat(pieces.size()).isGreaterThan(FAKE.count(line) / 40);
    assertThat(pieces)
        .allSatisfy(
            c -> {
              assertThat(FAKE.count(c.text())).isLessThanOrEqualTo(40);
              assertThat(line).contains(c.text());
              assertThat(c.text()).doesNotStartWith(" ").doesNotEndWith(" ");
            });
    assertThat(line).startsWith(pieces.getFirst().text()).endsWith(pieces.getLast().text());
    for (int i = 1; i < pieces.size(); i++) {
      String prevLastWord =
          pieces.get(i - 1).text().substring(pieces.get(i - 1).text().lastIndexOf(' ') + 1);
      assertThat(line.indexOf(pieces.get(i).text()))
          .isLessThanOrEqualTo(
              line.indexOf(pieces.get(i - 1).text()) + pieces.get(i - 1).text().length() + 1);
      assertThat(prevLastWord).isNotEmpty();
    }

    String huge = "字".repeat(50) + "😀".repeat(200);
    List<Chunk> cut = chunker.chunk("b.md", huge);
    assertThat(String.join("", cut.stream().map(Chunk::text).toList())).isEqualTo(huge);
    assertThat(cut)
        .allSatisfy(
            c -> {
              assertThat(FAKE.count(c.text())).isLessThanOrEqualTo(40);
              assertThat(Character.isLowSurrogate(c.text().charAt(0))).isFalse();
            });
  }

  @Test
  void theVersionNamesUnitModelAndSizes() {
    assertThat(chunker.version()).isEqualTo("markdown-2/tokens:fake-40@40/40/8");
    assertThat(new MarkdownChunker(new ChunkerSettings(100, 20, 4)).version())
        .isEqualTo("markdown-2/chars/400/80");
    assertThat(new MarkdownChunker(new ChunkerSettings(100, 20, 4), counter(512)).version())
        .isEqualTo("markdown-2/tokens:fake-512@512/100/20");
  }
}
