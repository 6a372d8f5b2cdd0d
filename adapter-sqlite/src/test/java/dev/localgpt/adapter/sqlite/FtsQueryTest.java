package dev.localgpt.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FtsQueryTest {
  @Test
  void aQuestionKeepsOnlyItsContentWords() {
    assertThat(FtsQuery.of("What did we decide about the kayak trip?"))
        .contains("\"decide\" OR \"kayak\" OR \"trip\"");
  }

  @Test
  void aQueryOfStopWordsOnlyIsSearchedAsWritten() {
    assertThat(FtsQuery.of("to be or not to be")).contains("\"to\" OR \"be\" OR \"or\" OR \"not\"");
  }

  @Test
  void contractionPiecesAreStopWords() {
    assertThat(FtsQuery.selected("Don't forget the Ferris wheel's lights"))
        .containsExactly("forget", "ferris", "wheel", "lights");
  }

  @Test
  void aLongQueryOrsOnlyItsLongestTermsInTextOrder() {
    String text = "alpha bb cc dd ee ff gg hh ii jj kk ll mm omega longword";
    assertThat(FtsQuery.selected(text))
        .hasSize(FtsQuery.MAX_OR_TERMS)
        .startsWith("alpha", "bb")
        .endsWith("omega", "longword")
        .doesNotContain("mm", "ll");
  }

  @Test
  void quotesAndOperatorsCannotActAsSyntax() {
    assertThat(FtsQuery.of("NEAR(\"x\" w) AND -z*"))
        .contains("\"near\" OR \"x\" OR \"w\" OR \"z\"");
    assertThat(FtsQuery.of("  ?!  ")).isEmpty();
  }
}
