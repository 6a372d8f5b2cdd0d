package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.ports.memory.IndexException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A lone search runs its legs side by side; concurrent searches keep to their own thread. */
class SearchLegsTest {
  private final SearchLegs legs = new SearchLegs();

  @Test
  void aLoneSearchRunsTheFirstLegWhileTheSecondRuns() {
    CountDownLatch secondStarted = new CountDownLatch(1);
    List<Boolean> result =
        legs.both(
            () -> {
              try {
                // Only true if the second leg runs at the same time (sequential legs would wait
                // here in vain and answer false).
                return secondStarted.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
              }
            },
            () -> {
              secondStarted.countDown();
              return true;
            });

    assertThat(result).containsExactly(true, true);
  }

  @Test
  void aSearchWhileAnotherIsInFlightRunsBothLegsOnItsOwnThread() {
    List<String> outer =
        legs.both(
            () -> "keyword",
            () -> {
              Thread caller = Thread.currentThread();
              List<Thread> inner = legs.both(Thread::currentThread, Thread::currentThread);
              return inner.get(0) == caller && inner.get(1) == caller ? "same thread" : "other";
            });

    assertThat(outer).containsExactly("keyword", "same thread");
  }

  @Test
  void aFailingLegThrowsItsOwnException() {
    IndexException corrupt = new IndexException(IndexException.Kind.CORRUPT, "broken", null);

    assertThatThrownBy(
            () ->
                legs.both(
                    () -> {
                      throw corrupt;
                    },
                    () -> "vector"))
        .isSameAs(corrupt);
  }
}
