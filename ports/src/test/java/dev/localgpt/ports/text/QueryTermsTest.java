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
}
