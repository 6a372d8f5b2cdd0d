package dev.localgpt.core.memory.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.ports.schedule.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ChangeDebouncerTest {
  private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final ChangeDebouncer debouncer =
      new ChangeDebouncer(Duration.ofSeconds(2), Duration.ofSeconds(10), clock);

  @Test
  void nothingIsDueWithoutChanges() {
    assertThat(debouncer.hasPending()).isFalse();
    assertThat(debouncer.timeUntilDue()).isEmpty();
    assertThat(debouncer.takeIfDue()).isEmpty();
  }

  @Test
  void aBurstIsReleasedOnceItHasBeenQuietForTheQuietPeriod() {
    debouncer.changed(Path.of("a.md"));
    clock.advance(Duration.ofMillis(1500));
    debouncer.changed(Path.of("b.md"));
    clock.advance(Duration.ofMillis(1999));

    assertThat(debouncer.takeIfDue()).isEmpty();
    assertThat(debouncer.timeUntilDue()).contains(Duration.ofMillis(1));

    clock.advance(Duration.ofMillis(1));
    assertThat(debouncer.timeUntilDue()).contains(Duration.ZERO);
    assertThat(debouncer.takeIfDue()).containsExactly(Path.of("a.md"), Path.of("b.md"));
    assertThat(debouncer.hasPending()).isFalse();
  }

  @Test
  void everyPathOfTheBurstIsInTheBatchOnceInTheOrderFirstSeen() {
    debouncer.changed(Path.of("memory/one.md"));
    debouncer.changed(Path.of("MEMORY.md"));
    debouncer.changed(Path.of("memory/one.md"));
    debouncer.changed(Path.of("knowledge/x/three.md"));
    clock.advance(Duration.ofSeconds(2));

    assertThat(debouncer.takeIfDue())
        .containsExactly(
            Path.of("memory/one.md"), Path.of("MEMORY.md"), Path.of("knowledge/x/three.md"));
  }

  @Test
  void aFileChangedWithoutPauseIsStillReleasedAfterTheMaximumDelay() {
    for (int second = 0; second < 9; second++) {
      debouncer.changed(Path.of("busy.md"));
      clock.advance(Duration.ofSeconds(1));
      assertThat(debouncer.takeIfDue()).isEmpty();
    }
    debouncer.changed(Path.of("busy.md"));
    clock.advance(Duration.ofSeconds(1));

    assertThat(debouncer.takeIfDue()).containsExactly(Path.of("busy.md"));
  }

  @Test
  void aNewBurstStartsAfterABatchWasTaken() {
    debouncer.changed(Path.of("a.md"));
    clock.advance(Duration.ofSeconds(3));
    assertThat(debouncer.takeIfDue()).containsExactly(Path.of("a.md"));

    debouncer.changed(Path.of("b.md"));
    clock.advance(Duration.ofSeconds(1));
    assertThat(debouncer.takeIfDue()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(debouncer.takeIfDue()).containsExactly(Path.of("b.md"));
  }

  @Test
  void takeAllReleasesWhatIsPendingEvenBeforeItIsDue() {
    debouncer.changed(Path.of("a.md"));

    assertThat(debouncer.takeAll()).containsExactly(Path.of("a.md"));
    assertThat(debouncer.timeUntilDue()).isEmpty();
  }

  @Test
  void rejectsPeriodsThatCannotWork() {
    assertThatThrownBy(() -> new ChangeDebouncer(Duration.ZERO, Duration.ofSeconds(1), clock))
        .hasMessageContaining("'quiet' must be > 0");
    assertThatThrownBy(
            () -> new ChangeDebouncer(Duration.ofSeconds(2), Duration.ofSeconds(1), clock))
        .hasMessageContaining("'maxDelay' must be >= 'quiet'");
  }
}
