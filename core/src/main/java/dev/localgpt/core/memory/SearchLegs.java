package dev.localgpt.core.memory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs a hybrid search's two legs. While it is the only search in flight, the first leg (the
 * keyword leg: SQLite's BM25, the larger share of a query's CPU) runs on a helper thread while the
 * calling thread embeds the query and scans the vectors, so one user's query waits for the longer
 * leg instead of the sum of both. With several searches in flight (a server under load) the cores
 * are busy anyway: both legs run on the calling thread, one after the other, and a search never
 * takes a second thread. The results are the same either way.
 */
final class SearchLegs {
  private static final ExecutorService HELPERS =
      Executors.newCachedThreadPool(
          task -> {
            Thread t = new Thread(task, "memory-search-leg");
            t.setDaemon(true);
            return t;
          });

  private final AtomicInteger inFlight = new AtomicInteger();

  /**
   * The results of {@code first} and {@code second}, in that order. A failure of either is thrown
   * as it was (a failure of {@code second} first).
   */
  <T> List<T> both(Supplier<T> first, Supplier<T> second) {
    try {
      if (inFlight.incrementAndGet() > 1) {
        T a = first.get();
        return List.of(a, second.get());
      }
      CompletableFuture<T> a = CompletableFuture.supplyAsync(first, HELPERS);
      T b = second.get();
      return List.of(join(a), b);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
