package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
