package dev.localgpt.core.memory.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyTest {
  @Test
  void percentilesOfTwentyDurations() {
    long[] nanos = new long[20];
    for (int i = 0; i < 20; i++) {
      nanos[19 - i] = (i + 1) * 1_000_000L;
    }
    // sorted: 1..20 ms; p50 = element 10 (11 ms), p95 = element ceil(19) - 1 = 18 (19 ms), p99 =
    // element 19
    assertThat(Latency.of(nanos)).isEqualTo(new Latency(11.0, 19.0, 20.0));
  }

  @Test
  void noDurationsIsZero() {
    assertThat(Latency.of(new long[0])).isEqualTo(new Latency(0, 0, 0));
  }

  @Test
  void measureWarmsUpThenCallsEachIndexOnce() {
    List<Integer> calls = new ArrayList<>();
    Latency.measure(3, calls::add);
    assertThat(calls).containsExactly(0, 1, 2, 0, 1, 2);
    assertThatThrownBy(() -> Latency.measure(0, i -> {})).hasMessageContaining("'n' must be > 0");
  }
}
