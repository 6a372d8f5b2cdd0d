package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 20 MB note: chunk sizes stay bounded. The time is printed (a benchmark number), never asserted.
 */
class MarkdownChunkerIT {
  @Test
  void twentyMegabyteFileIsCutIntoBoundedChunks() {
    StringBuilder sb = new StringBuilder(21_000_000);
    int section = 0;
    while (sb.length() < 20_000_000) {
      sb.append("## Section ").append(section++).append("\n\n");
      for (int p = 0; p < 5; p++) {
        sb.append(words("word", 400)).append('\n').append(words("more", 300)).append("\n\n");
      }
    }
    String md = sb.toString();
    long t0 = System.nanoTime();
    List<Chunk> chunks = new MarkdownChunker().chunk("big.md", md);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("20 MB: %d chunks in %d ms%n", chunks.size(), millis);
    assertThat(chunks.size()).isBetween(20_000_000 / 1600, 20_000_000 / 600);
    assertThat(chunks).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(1600));
  }

  private static String words(String seed, int chars) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (sb.length() < chars) {
      sb.append(seed).append(i++).append(' ');
    }
    return sb.toString().strip();
  }
}
