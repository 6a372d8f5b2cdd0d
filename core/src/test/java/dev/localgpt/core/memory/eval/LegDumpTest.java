package dev.localgpt.core.memory.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LegDumpTest {
  @Test
  void weakenedKeywordQueryKeepsEveryOtherWord() {
    assertThat(LegDump.everyOtherWord("alpha beta gamma delta epsilon")).isEqualTo("beta delta");
  }

  @Test
  void aOneWordQueryStaysAsItIs() {
    assertThat(LegDump.everyOtherWord("  alpha ")).isEqualTo("  alpha ");
  }
}
