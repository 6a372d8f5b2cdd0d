package dev.localgpt.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @Test
  void readsSingleAndConcatenatedGroups() {
    assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(Durations.parse("2h30m")).isEqualTo(Duration.ofMinutes(150));
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(Durations.parse("1d2h3m4s")).isEqualTo(Duration.ofSeconds(86_400 + 7_200 + 180 + 4));
  }

  @ParameterizedTest
  @ValueSource(strings = {"30", "2h30", "0m", "0h0m", "", "m", "30 m", "1w", "-5m", "1.5h"})
  void rejectsBareNumbersTrailingNumbersZeroAndJunk(String text) {
    assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void formatReadsBackAsTheSameDuration() {
    for (Duration duration :
        new Duration[] {Duration.ofMinutes(150), Duration.ofSeconds(90), Duration.ofDays(2)}) {
      assertThat(Durations.parse(Durations.format(duration))).isEqualTo(duration);
    }
    assertThat(Durations.format(Duration.ofMinutes(150))).isEqualTo("2h30m");
  }
}
