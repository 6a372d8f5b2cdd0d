package dev.localgpt.app.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.schedule.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LeaderOnlySchedulerTest {
  /** Records tasks; {@link #tick()} runs each once, as a real scheduler's tick would. */
  private static final class StepScheduler implements Scheduler {
    final List<Runnable> tasks = new ArrayList<>();
    boolean closed;

    @Override
    public Clock clock() {
      return Clock.systemUTC();
    }

    @Override
    public Cancellable every(Duration interval, Duration initialDelay, Runnable task) {
      tasks.add(task);
      return () -> tasks.remove(task);
    }

    void tick() {
      List.copyOf(tasks).forEach(Runnable::run);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void twoInstancesSharingOneLockFireOnceAndTheFollowerTakesOverWhenTheLeaderStops() {
    AtomicBoolean held = new AtomicBoolean();
    String[] holder = {null};
    AtomicInteger runs = new AtomicInteger();
    List<String> ranOn = new ArrayList<>();
    StepScheduler a = new StepScheduler();
    StepScheduler b = new StepScheduler();
    LeaderOnlyScheduler first =
        new LeaderOnlyScheduler(a, () -> lead(held, holder, "a"), () -> release(held, holder, "a"));
    LeaderOnlyScheduler second =
        new LeaderOnlyScheduler(b, () -> lead(held, holder, "b"), () -> release(held, holder, "b"));
    first.every(
        Duration.ofMinutes(1),
        Duration.ZERO,
        () -> {
          runs.incrementAndGet();
          ranOn.add("a");
        });
    second.every(
        Duration.ofMinutes(1),
        Duration.ZERO,
        () -> {
          runs.incrementAndGet();
          ranOn.add("b");
        });

    a.tick();
    b.tick();
    a.tick();
    b.tick();
    assertThat(ranOn).containsExactly("a", "a");

    first.close();
    b.tick();
    assertThat(a.closed).isTrue();
    assertThat(ranOn).containsExactly("a", "a", "b");
    assertThat(runs).hasValue(3);
  }

  private static synchronized boolean lead(AtomicBoolean held, String[] holder, String who) {
    if (!held.get()) {
      held.set(true);
      holder[0] = who;
    }
    return who.equals(holder[0]);
  }

  private static synchronized void release(AtomicBoolean held, String[] holder, String who) {
    if (who.equals(holder[0])) {
      held.set(false);
      holder[0] = null;
    }
  }
}
