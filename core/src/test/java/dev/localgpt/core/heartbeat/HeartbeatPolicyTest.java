package dev.localgpt.core.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.config.ActiveHours;
import dev.localgpt.core.config.HeartbeatConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeartbeatPolicyTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final Optional<String> TASKS = Optional.of("- [ ] Water the plants\n");

  static HeartbeatConfig config(String start, String end, long budget) {
    return new HeartbeatConfig(
        true,
        Duration.ofMinutes(30),
        Optional.of(
            new ActiveHours(ActiveHours.parseTime(start, false), ActiveHours.parseTime(end, true))),
        Optional.empty(),
        Optional.empty(),
        budget,
        Optional.empty());
  }

  static Instant at(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  @ParameterizedTest
  @CsvSource({"08:59,false", "09:00,true", "21:59,true", "22:00,false"})
  void theWindowIncludesItsStartAndExcludesItsEnd(String time, boolean active) {
    HeartbeatPolicy policy = new HeartbeatPolicy(config("09:00", "22:00", 0), BERLIN);
    Instant now = at("2026-06-10T" + time, BERLIN);
    assertThat(policy.inActiveHours(now)).isEqualTo(active);
    assertThat(
            policy
                .gate(now, false, HeartbeatState.INITIAL, TASKS)
                .map(HeartbeatOutcome.Skipped::reason))
        .isEqualTo(active ? Optional.empty() : Optional.of(SkipReason.QUIET_HOURS));
  }

  @ParameterizedTest
  @CsvSource({
    "21:59,false",
    "22:00,true",
    "23:59,true",
    "00:00,true",
    "05:59,true",
    "06:00,false",
    "12:00,false"
  })
  void aWindowMayWrapMidnight(String time, boolean active) {
    HeartbeatPolicy policy = new HeartbeatPolicy(config("22:00", "06:00", 0), ZoneOffset.UTC);
    assertThat(policy.inActiveHours(at("2026-06-10T" + time, ZoneOffset.UTC))).isEqualTo(active);
  }

  @Test
  void theWindowIsReadInTheConfiguredZone() {
    HeartbeatPolicy tokyo =
        new HeartbeatPolicy(config("09:00", "22:00", 0), ZoneId.of("Asia/Tokyo"));
    Instant utcMorning = Instant.parse("2026-06-10T08:00:00Z"); // 17:00 in Tokyo, 10:00 in Berlin
    assertThat(tokyo.inActiveHours(utcMorning)).isTrue();
    assertThat(tokyo.inActiveHours(Instant.parse("2026-06-10T13:30:00Z")))
        .isFalse(); // 22:30 in Tokyo
  }

  @Test
  void theNextTickIsOneIntervalLaterInsideTheWindow() {
    HeartbeatPolicy policy = new HeartbeatPolicy(config("09:00", "22:00", 0), BERLIN);
    assertThat(policy.nextDue(at("2026-06-10T10:17", BERLIN)))
        .isEqualTo(at("2026-06-10T10:47", BERLIN));
    assertThat(policy.nextDue(at("2026-06-10T21:29", BERLIN)))
        .isEqualTo(at("2026-06-10T21:59", BERLIN));
    assertThat(policy.nextDue(at("2026-06-10T21:30", BERLIN)))
        .isEqualTo(at("2026-06-11T09:00", BERLIN));
  }

  @Test
  void onSpringForwardDayTheWindowStillOpensAt9LocalAndTheIntervalIsElapsedTime() {
    HeartbeatPolicy policy = new HeartbeatPolicy(config("09:00", "22:00", 0), BERLIN);
    // 2026-03-29: Berlin goes from 02:00 CET to 03:00 CEST
    Instant lastEvening = at("2026-03-28T21:45", BERLIN);
    Instant opens = policy.nextDue(lastEvening);
    assertThat(opens).isEqualTo(Instant.parse("2026-03-29T07:00:00Z"));
    assertThat(opens.atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    assertThat(Duration.between(lastEvening, opens))
        .isEqualTo(Duration.ofHours(10).plusMinutes(15));
    HeartbeatPolicy nightOwl = new HeartbeatPolicy(config("01:30", "04:00", 0), BERLIN);
    Instant t = at("2026-03-29T01:45", BERLIN);
    List<LocalTime> ticks = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      t = nightOwl.nextDue(t);
      ticks.add(t.atZone(BERLIN).toLocalTime());
    }
    // 02:15 does not exist that night: 30 minutes after 01:45 CET is 03:15 CEST
    assertThat(ticks)
        .containsExactly(
            LocalTime.of(3, 15), LocalTime.of(3, 45), LocalTime.of(1, 30), LocalTime.of(2, 0));
  }

  @Test
  void onFallBackDayTheRepeatedHourIsCountedOnce() {
    HeartbeatPolicy policy = new HeartbeatPolicy(config("00:00", "24:00", 0), BERLIN);
    // 2026-10-25: 03:00 CEST becomes 02:00 CET; 02:30 happens twice, 60 minutes of elapsed time
    // apart
    Instant first = Instant.parse("2026-10-25T00:30:00Z");
    Instant next = policy.nextDue(policy.nextDue(first));
    assertThat(first.atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
    assertThat(next.atZone(BERLIN).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
    assertThat(Duration.between(first, next)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void disabledSkipsEvenAManualRun() {
    HeartbeatPolicy policy =
        new HeartbeatPolicy(config("09:00", "22:00", 0).withEnabled(false), BERLIN);
    assertThat(policy.gate(at("2026-06-10T12:00", BERLIN), true, HeartbeatState.INITIAL, TASKS))
        .map(HeartbeatOutcome.Skipped::reason)
        .contains(SkipReason.DISABLED);
  }

  @Test
  void aManualRunIgnoresTheActiveHours() {
    HeartbeatPolicy policy = new HeartbeatPolicy(config("09:00", "22:00", 0), BERLIN);
    assertThat(policy.gate(at("2026-06-10T03:00", BERLIN), true, HeartbeatState.INITIAL, TASKS))
        .isEmpty();
  }

  @Test
  void aMissingOrEmptyFileSkips() {
    HeartbeatPolicy policy = new HeartbeatPolicy(config("00:00", "24:00", 0), BERLIN);
    Instant now = at("2026-06-10T12:00", BERLIN);
    assertThat(policy.gate(now, false, HeartbeatState.INITIAL, Optional.empty()))
        .map(HeartbeatOutcome.Skipped::reason)
        .contains(SkipReason.NO_FILE);
    assertThat(policy.gate(now, false, HeartbeatState.INITIAL, Optional.of("# Tasks\n- [ ]\n")))
        .map(HeartbeatOutcome.Skipped::reason)
        .contains(SkipReason.EMPTY_FILE);
  }

  @Test
  void theBudgetCountsTokensOfTheLocalDay() {
    HeartbeatPolicy policy = new HeartbeatPolicy(config("00:00", "24:00", 1000), BERLIN);
    Instant lateEvening = at("2026-06-10T23:30", BERLIN);
    HeartbeatState spent = HeartbeatState.INITIAL.spent(LocalDate.parse("2026-06-10"), 1000);
    assertThat(policy.gate(lateEvening, false, spent, TASKS))
        .get()
        .satisfies(s -> assertThat(s.reason()).isEqualTo(SkipReason.BUDGET_SPENT))
        .satisfies(s -> assertThat(s.detail()).isEqualTo("used 1000 of 1000 tokens on 2026-06-10"));
    assertThat(policy.budgetLeft(lateEvening, spent)).contains(0L);
    Instant nextMorning = at("2026-06-11T00:10", BERLIN); // still 2026-06-10 in UTC
    assertThat(policy.gate(nextMorning, false, spent, TASKS)).isEmpty();
    assertThat(policy.budgetLeft(nextMorning, spent)).contains(1000L);
  }
}
