package dev.localgpt.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.text.QueryTermSamples;
import dev.localgpt.ports.text.QueryTerms;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TsQueryTest {
  @Test
  void termsAreQuotedLowerCasedDeduplicatedAndOred() {
    assertThat(TsQuery.of("Okapi tapir OKAPI")).contains("'okapi' | 'tapir'");
  }

  @Test
  void aQuestionKeepsOnlyItsContentWordsAsSqliteDoes() {
    assertThat(TsQuery.of("What did we decide about the kayak trip?"))
        .contains("'decide' | 'kayak' | 'trip'");
  }

  @Test
  void orsExactlyTheTermsTheSharedRuleSelects() {
    for (String text : QueryTermSamples.QUERIES) {
      assertThat(TsQuery.of(text))
          .contains(
              QueryTerms.selected(text).stream()
                  .map(TsQuery::quote)
                  .collect(Collectors.joining(" | ")));
    }
    assertThat(
            TsQuery.of("alpha bb cc dd ee ff gg hh ii jj kk ll mm omega longword")
                .orElseThrow()
                .split(" \\| "))
        .hasSize(QueryTerms.MAX_OR_TERMS);
  }

  @Test
  void operatorsAndQuotesNeverReachTheQuery() {
    assertThat(TsQuery.of("kayak & !tapir | (okapi:*) <-> 'zebra'; --"))
        .contains("'kayak' | 'tapir' | 'okapi' | 'zebra'");
    assertThat(TsQuery.of("!&|():*'\"")).isEmpty();
    assertThat(TsQuery.of("   ")).isEmpty();
  }

  @Test
  void keepsLettersOfEveryScript() {
    assertThat(TsQuery.of("émigré 日本語")).contains("'émigré' | '日本語'");
  }

  @Test
  void quoteEscapesQuotesAndBackslashes() {
    assertThat(TsQuery.quote("o'k\\")).isEqualTo("'o''k\\\\'");
  }
}
