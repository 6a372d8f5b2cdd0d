package dev.localgpt.ports.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTermsTest {

  @Test
  void termsAreLowerCasedDistinctRunsOfLettersDigitsAndMarksInOrder() {
    assertThat(QueryTerms.of("Okapi, tapir; OKAPI x2 (émigré) 日本語 -- \"AND\"", 64))
        .containsExactly("okapi", "tapir", "x2", "émigré", "日本語", "and");
  }

  @Test
  void syntaxCharactersOnlySeparateAndTheCountIsCapped() {
    assertThat(QueryTerms.of("!&|():*'\" <-> ^", 64)).isEmpty();
    assertThat(QueryTerms.of("one two three four", 2)).containsExactly("one", "two");
  }

  @Test
  void aQuestionKeepsOnlyItsContentWords() {
    assertThat(QueryTerms.selected("What did we decide about the kayak trip?"))
        .containsExactly("decide", "kayak", "trip");
  }

  @Test
  void aQueryOfStopWordsOnlyIsKeptAsWritten() {
    assertThat(QueryTerms.selected("to be or not to be")).containsExactly("to", "be", "or", "not");
  }

  @Test
  void contractionPiecesAreStopWords() {
    assertThat(QueryTerms.selected("Don't forget the Ferris wheel's lights"))
        .containsExactly("forget", "ferris", "wheel", "lights");
  }

  @Test
  void aLongQueryKeepsOnlyItsLongestTermsInTextOrder() {
    String text = "alpha bb cc dd ee ff gg hh ii jj kk ll mm omega longword";
    assertThat(QueryTerms.selected(text))
        .hasSize(QueryTerms.MAX_OR_TERMS)
        .startsWith("alpha", "bb")
        .endsWith("omega", "longword")
        .doesNotContain("mm", "ll");
  }

  @Test
  void noTermMeansNothingSelected() {
    assertThat(QueryTerms.selected("  ?! -- ")).isEmpty();
  }
}
