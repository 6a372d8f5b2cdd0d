package dev.localgpt.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ActiveHoursTest {
  @Test
  void startIsInclusiveEndExclusive() {
    ActiveHours hours = new ActiveHours(LocalTime.of(8, 0), LocalTime.of(22, 0));
    assertThat(hours.contains(LocalTime.of(8, 0))).isTrue();
    assertThat(hours.contains(LocalTime.of(21, 59))).isTrue();
    assertThat(hours.contains(LocalTime.of(22, 0))).isFalse();
    assertThat(hours.contains(LocalTime.of(7, 59))).isFalse();
  }

  @Test
  void windowMayWrapPastMidnightAndEqualBoundsNeverRun() {
    ActiveHours night = new ActiveHours(LocalTime.of(22, 0), LocalTime.of(6, 0));
    assertThat(night.contains(LocalTime.of(23, 0))).isTrue();
    assertThat(night.contains(LocalTime.of(5, 0))).isTrue();
    assertThat(night.contains(LocalTime.of(12, 0))).isFalse();
    assertThat(new ActiveHours(LocalTime.NOON, LocalTime.NOON).contains(LocalTime.NOON)).isFalse();
  }

  @Test
  void endOfDayIsAllowedOnlyAsEnd() {
    LocalTime end = ActiveHours.parseTime("24:00", true);
    assertThat(new ActiveHours(LocalTime.of(9, 0), end).contains(LocalTime.of(23, 59))).isTrue();
    assertThat(ActiveHours.formatTime(end)).isEqualTo("24:00");
    assertThatThrownBy(() -> ActiveHours.parseTime("24:00", false)).hasMessageContaining("24:00");
    assertThatThrownBy(() -> ActiveHours.parseTime("25:00", true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ActiveHours.parseTime("8am", true)).hasMessageContaining("HH:MM");
    assertThat(ActiveHours.parseTime("7:05", false)).isEqualTo(LocalTime.of(7, 5));
  }
}
