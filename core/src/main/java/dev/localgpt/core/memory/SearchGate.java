package dev.localgpt.core.memory;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * Lets at most a fixed number of searches run at once and queues the rest in arrival order. A
 * search is CPU-bound (the query embedding, BM25 scoring, the k-NN scan), so running more of them
 * than there are cores only makes each slower, and every concurrent query embedding holds
 * onnxruntime's working memory of its own: on a 2-core machine, 64 clients running 64 searches at
 * once took longer per request and raised the native memory peak that the process keeps afterwards.
 */
final class SearchGate {
  private final Semaphore permits;

  /**
   * @param permits searches allowed to run at once, > 0
   */
  SearchGate(int permits) {
    if (permits < 1) {
      throw new IllegalArgumentException("'permits' must be > 0, was " + permits);
    }
    this.permits = new Semaphore(permits, true);
  }

  /** One search per available core. */
  static SearchGate perCore() {
    return new SearchGate(Runtime.getRuntime().availableProcessors());
  }

  /**
   * Runs {@code search} once a permit is free.
   *
   * @throws IllegalStateException if the thread is interrupted while it waits (its flag is set)
   */
  <T> T run(Supplier<T> search) {
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to search the memory", e);
    }
    try {
      return search.get();
    } finally {
      permits.release();
    }
  }
}
