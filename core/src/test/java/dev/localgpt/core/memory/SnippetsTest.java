package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SnippetsTest {
  private static final String FILLER =
      "Curated lasting facts about projects, people and decisions go here. ".repeat(8);

  @Test
  void shortTextIsShownWholeOnOneLine() {
    assertThat(Snippets.preview("# Title\n\n  Some   text\nhere.\n", "text", 100))
        .isEqualTo("# Title Some text here.");
  }

  @Test
  void longTextShowsTheWindowWithTheQueryWordsNotTheHead() {
    String text =
        "# MEMORY.md\n\n" + FILLER + "\n- My dog is called Biscuit and loves the park.\n" + FILLER;
    String preview = Snippets.preview(text, "what is my dog called?", 120);
    assertThat(preview).contains("dog is called Biscuit").startsWith("…").endsWith("…");
    assertThat(preview.length()).isLessThanOrEqualTo(120);
  }

  @Test
  void withoutMatchingWordsTheHeadIsShown() {
    String text = "Head line here. " + FILLER;
    String preview = Snippets.preview(text, "zebra", 80);
    assertThat(preview).startsWith("Head line here.").endsWith("…").hasSizeLessThanOrEqualTo(80);
  }

  @Test
  void theWindowWithMoreDistinctTermsWins() {
    String text = "kayak alone. " + FILLER + " kayak on the lake at dawn. " + FILLER;
    assertThat(Snippets.preview(text, "kayak lake", 60)).contains("kayak on the lake");
  }

  @Test
  void stopWordsAndShortWordsAreNotSearchTerms() {
    assertThat(Snippets.terms("What is the name of my dog?")).containsExactly("name", "dog");
  }

  @Test
  void neverSplitsASurrogatePair() {
    String text = "😀".repeat(100);
    for (int width = 50; width <= 53; width++) {
      String preview = Snippets.preview(text, "", width);
      assertThat(preview.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF))
          .as("width %d", width)
          .isEmpty();
      assertThat(preview).endsWith("…");
    }
  }

  @Test
  void refusesAUselessWidth() {
    assertThatThrownBy(() -> Snippets.preview("x", "x", 3)).hasMessageContaining("'maxChars'");
  }

  @Test
  void wordsAreRunsOfUnicodeLettersAndNumbersAsTheRegexFindsThem() {
    Pattern regex = Pattern.compile("[\\p{L}\\p{N}]+");
    String alphabet =
        "aZ09 _-.,'\n\téüßÆ日本語Ωж٣²½Ⅻǅʰ\u0301\u200b—“”" + "\uD835\uDFD8" + "\uD83D\uDE00";
    Random random = new Random(7);
    for (int round = 0; round < 500; round++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(40); i > 0; i--) {
        int at = random.nextInt(alphabet.length());
        if (Character.isHighSurrogate(alphabet.charAt(at))) {
          text.append(alphabet, at, at + 2);
        } else if (Character.isLowSurrogate(alphabet.charAt(at))) {
          text.append(alphabet, at - 1, at + 1);
        } else {
          text.append(alphabet.charAt(at));
        }
      }
      String s = text.toString();
      List<String> expected = new ArrayList<>();
      Matcher m = regex.matcher(s);
      while (m.find()) {
        expected.add(m.start() + "-" + m.end());
      }
      List<String> found = new ArrayList<>();
      for (int start = Snippets.wordStart(s, 0); start >= 0; ) {
        int end = Snippets.wordEnd(s, start);
        found.add(start + "-" + end);
        start = Snippets.wordStart(s, end);
      }
      assertThat(found).as("words of %s", s).isEqualTo(expected);
    }
  }
}
