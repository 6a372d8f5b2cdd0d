package dev.localgpt.adapter.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdleClosingTest {
  private static final long IDLE = 1_000;

  private long now;
  private final List<Runnable> scheduled = new ArrayList<>();
  private final List<Long> delays = new ArrayList<>();
  private final AtomicInteger opened = new AtomicInteger();
  private final List<Resource> resources = new ArrayList<>();

  private final class Resource implements AutoCloseable {
    boolean closed;

    @Override
    public void close() {
      closed = true;
    }
  }

  private IdleClosing<Resource> idleClosing() {
    return new IdleClosing<>(
        () -> {
          opened.incrementAndGet();
          Resource r = new Resource();
          resources.add(r);
          return r;
        },
        IDLE,
        () -> now,
        (task, delay) -> {
          scheduled.add(task);
          delays.add(delay);
        });
  }

  private void runScheduled() {
    List<Runnable> due = new ArrayList<>(scheduled);
    scheduled.clear();
    due.forEach(Runnable::run);
  }

  @Test
  void opensOnFirstUseOnlyAndSharesTheResource() {
    IdleClosing<Resource> idle = idleClosing();
    assertThat(idle.isOpen()).isFalse();
    Resource a = idle.acquire();
    Resource b = idle.acquire();
    assertThat(a).isSameAs(b);
    assertThat(opened).hasValue(1);
    assertThat(idle.isOpen()).isTrue();
  }

  @Test
  void closesOnceIdleForTheWholeIdleTimeAndReopensOnTheNextUse() {
    IdleClosing<Resource> idle = idleClosing();
    idle.acquire();
    idle.release();
    assertThat(delays).containsExactly(IDLE);
    now += IDLE;
    runScheduled();
    assertThat(idle.isOpen()).isFalse();
    assertThat(resources.get(0).closed).isTrue();

    idle.acquire();
    assertThat(opened).hasValue(2);
    assertThat(resources.get(1).closed).isFalse();
  }

  @Test
  void aUseDuringTheWaitPostponesTheClose() {
    IdleClosing<Resource> idle = idleClosing();
    idle.acquire();
    idle.release();
    now += 600;
    idle.acquire();
    idle.release();
    assertThat(scheduled).hasSize(1); // one pending check at a time
    now += 400;
    runScheduled();
    assertThat(idle.isOpen()).isTrue();
    assertThat(delays).containsExactly(IDLE, 600L);
    now += 600;
    runScheduled();
    assertThat(idle.isOpen()).isFalse();
  }

  @Test
  void neverClosesWhileHeld() {
    IdleClosing<Resource> idle = idleClosing();
    idle.acquire();
    idle.acquire();
    idle.release();
    now += 10 * IDLE;
    runScheduled();
    assertThat(idle.isOpen()).isTrue();
    assertThat(resources.get(0).closed).isFalse();
    idle.release();
    now += IDLE;
    runScheduled();
    assertThat(idle.isOpen()).isFalse();
  }

  @Test
  void closeClosesAtOnceAndRefusesLaterUse() {
    IdleClosing<Resource> idle = idleClosing();
    idle.acquire();
    idle.release();
    idle.close();
    assertThat(resources.get(0).closed).isTrue();
    runScheduled();
    assertThatThrownBy(idle::acquire).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFailedOpenLeavesItClosedAndTheNextUseTriesAgain() {
    AtomicInteger attempts = new AtomicInteger();
    IdleClosing<Resource> idle =
        new IdleClosing<>(
            () -> {
              if (attempts.incrementAndGet() == 1) {
                throw new IllegalArgumentException("no model");
              }
              return new Resource();
            },
            IDLE,
            () -> now,
            (task, delay) -> scheduled.add(task));
    assertThatThrownBy(idle::acquire).hasMessage("no model");
    assertThat(idle.isOpen()).isFalse();
    assertThat(idle.acquire()).isNotNull();
  }
}
