package dev.localgpt.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TsQueryTest {
  @Test
  void termsAreQuotedLowerCasedDeduplicatedAndOred() {
    assertThat(TsQuery.of("Okapi tapir OKAPI")).contains("'okapi' | 'tapir'");
  }

  @Test
  void operatorsAndQuotesNeverReachTheQuery() {
    assertThat(TsQuery.of("a & !b | (c:*) <-> 'd'; --")).contains("'a' | 'b' | 'c' | 'd'");
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
