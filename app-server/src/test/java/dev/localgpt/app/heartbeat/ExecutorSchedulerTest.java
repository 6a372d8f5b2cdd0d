package dev.localgpt.app.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.ports.schedule.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExecutorSchedulerTest {

  @Test
  void aTaskThatThrowsRunsAgainAtTheNextTick() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch thirdRun = new CountDownLatch(1);
    try (ExecutorScheduler scheduler = new ExecutorScheduler(Clock.systemUTC())) {
      scheduler.every(
          Duration.ofMillis(5),
          Duration.ZERO,
          () -> {
            int n = runs.incrementAndGet();
            if (n == 1) {
              throw new IllegalStateException("boom");
            }
            if (n == 2) {
              throw new StackOverflowError();
            }
            thirdRun.countDown();
          });
      assertThat(thirdRun.await(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void aCancelledTaskStopsRunning() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(2);
    try (ExecutorScheduler scheduler = new ExecutorScheduler(Clock.systemUTC())) {
      Scheduler.Cancellable task =
          scheduler.every(
              Duration.ofMillis(5),
              Duration.ZERO,
              () -> {
                runs.incrementAndGet();
                started.countDown();
              });
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
      task.cancel();
      CountDownLatch marker = new CountDownLatch(1);
      scheduler.every(Duration.ofMillis(5), Duration.ofMillis(20), marker::countDown);
      assertThat(marker.await(30, TimeUnit.SECONDS)).isTrue();
      int afterCancel = runs.get();
      CountDownLatch later = new CountDownLatch(3);
      scheduler.every(Duration.ofMillis(5), Duration.ZERO, later::countDown);
      assertThat(later.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(runs.get()).isEqualTo(afterCancel);
    }
  }

  @Test
  void theIntervalMustBePositive() {
    try (ExecutorScheduler scheduler = new ExecutorScheduler(Clock.systemUTC())) {
      assertThatThrownBy(() -> scheduler.every(Duration.ZERO, Duration.ZERO, () -> {}))
          .hasMessage("'interval' must be > 0, was PT0S");
      assertThat(scheduler.clock()).isEqualTo(Clock.systemUTC());
    }
  }
}
