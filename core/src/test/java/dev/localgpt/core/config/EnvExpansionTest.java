package dev.localgpt.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvExpansionTest {
  private final Map<String, String> env = Map.of("KEY", "sk-123", "BLANK", " ");

  @Test
  void expandsWholeValueReferencesInBothForms() {
    assertThat(EnvExpansion.expand("${KEY}", env)).contains("sk-123");
    assertThat(EnvExpansion.expand("$KEY", env)).contains("sk-123");
  }

  @Test
  void leavesOtherTextAloneAndDoesNoSubstringInterpolation() {
    assertThat(EnvExpansion.expand("plain", env)).contains("plain");
    assertThat(EnvExpansion.expand("pre-${KEY}", env)).contains("pre-${KEY}");
  }

  @Test
  void unsetOrBlankVariableGivesNothing() {
    assertThat(EnvExpansion.expand("${MISSING}", env)).isEmpty();
    assertThat(EnvExpansion.expand("$BLANK", env)).isEmpty();
  }
}
