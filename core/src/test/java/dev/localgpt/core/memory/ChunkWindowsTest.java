package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkWindowsTest {
  /** Words as tokens, a window of 10. */
  private static final TokenCounter WORDS =
      new TokenCounter() {
        @Override
        public String id() {
          return "words-10";
        }

        @Override
        public int count(String text) {
          return (int)
              java.util.Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).count();
        }

        @Override
        public int window() {
          return 10;
        }
      };

  private final ChunkWindows windows = new ChunkWindows(WORDS);

  @Test
  void aTextWithinTheWindowIsItsOnlyWindow() {
    String text = "one two three\nfour five six seven eight nine ten";
    assertThat(windows.of(text)).containsExactly(text);
  }

  @Test
  void aLongerTextIsCutIntoWindowsThatCoverEveryWord() {
    StringBuilder md = new StringBuilder("# Notes\n");
    for (int line = 0; line < 12; line++) {
      md.append("line").append(line).append(" a b c\n");
    }
    md.append("one very long line with w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 w13 end");
    String text = md.toString();

    List<String> cut = windows.of(text);

    assertThat(cut.size()).isGreaterThan(WORDS.count(text) / 10);
    assertThat(cut).allSatisfy(w -> assertThat(WORDS.count(w)).isLessThanOrEqualTo(10));
    for (String word : text.split("\\s+")) {
      assertThat(cut).as(word).anySatisfy(w -> assertThat(w.split("\\s+")).contains(word));
    }
    assertThat(String.join("\n", cut)).contains("line3 a b c\nline4"); // cut between lines
  }

  @Test
  void withoutAWindowEveryTextIsOneWindow() {
    ChunkWindows none =
        new ChunkWindows(
            new TokenCounter() {
              @Override
              public String id() {
                return "none";
              }

              @Override
              public int count(String text) {
                return text.length();
              }

              @Override
              public int window() {
                return Integer.MAX_VALUE;
              }
            });
    String text = "x ".repeat(10_000);
    assertThat(none.of(text)).containsExactly(text);
    assertThat(none.version()).isEqualTo("windows:none");
    assertThat(windows.version()).isEqualTo("windows:words-10/markdown-2/tokens:words-10@10/10/2");
  }
}
