package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.embedding.HashingEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Concurrent searches beyond the gate's permits wait instead of all embedding at once. */
class SearchGateTest {
  @TempDir Path ws;

  /** Embeds like {@link HashingEmbedder} and records how many single-text embeds overlap. */
  private static final class OverlapEmbedder implements Embedder {
    final HashingEmbedder inner = new HashingEmbedder();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger most = new AtomicInteger();

    @Override
    public String modelId() {
      return inner.modelId();
    }

    @Override
    public int dimension() {
      return inner.dimension();
    }

    @Override
    public List<Embedding> embed(List<String> texts) {
      if (texts.size() != 1) {
        return inner.embed(texts);
      }
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        Thread.sleep(30);
        return inner.embed(texts);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        running.decrementAndGet();
      }
    }
  }

  @Test
  void atMostThePermittedSearchesRunAtOnceAndEveryOneIsAnswered() throws Exception {
    Files.writeString(ws.resolve("MEMORY.md"), "# Memory\n\nThe user owns a serval named Pix.\n");
    OverlapEmbedder embedder = new OverlapEmbedder();
    try (MemoryService memory =
        InMemoryMemory.service(ws, Clock.systemUTC(), embedder, new SearchGate(2))) {
      memory.index();
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> clients = new ArrayList<>();
      AtomicInteger answered = new AtomicInteger();
      for (int i = 0; i < 8; i++) {
        String query = "serval " + i;
        clients.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      try {
                        start.await();
                      } catch (InterruptedException e) {
                        return;
                      }
                      memory.search(query, SearchOptions.limit(3));
                      answered.incrementAndGet();
                    }));
      }
      start.countDown();
      for (Thread t : clients) {
        t.join();
      }

      assertThat(answered).hasValue(8);
      assertThat(embedder.most.get()).isBetween(1, 2);
    }
  }
}
