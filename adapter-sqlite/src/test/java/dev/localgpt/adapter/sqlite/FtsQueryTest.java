package dev.localgpt.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.text.QueryTermSamples;
import dev.localgpt.ports.text.QueryTerms;
import java.util.stream.Collectors;
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
  void orsExactlyTheTermsTheSharedRuleSelects() {
    for (String text : QueryTermSamples.QUERIES) {
      assertThat(FtsQuery.of(text))
          .contains(
              QueryTerms.selected(text).stream()
                  .map(FtsQuery::quote)
                  .collect(Collectors.joining(" OR ")));
    }
  }

  @Test
  void quotesAndOperatorsCannotActAsSyntax() {
    assertThat(FtsQuery.of("NEAR(\"x\" w) AND -z*"))
        .contains("\"near\" OR \"x\" OR \"w\" OR \"z\"");
    assertThat(FtsQuery.of("  ?!  ")).isEmpty();
  }
}
