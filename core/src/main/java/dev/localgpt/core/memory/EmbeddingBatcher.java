package dev.localgpt.core.memory;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.PendingChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The vector phase of indexing: gives vectors to every stored chunk that has none. A chunk longer
 * than the model's window is cut into windows ({@link ChunkWindows}), each embedded, and the index
 * scores the chunk by its best window ({@link MemoryIndex#storeWindowVectors}), so every token of
 * the chunk counts (docs/benchmarks.md, "Whole chunks for the vector leg"). It takes the pending
 * chunks ({@link MemoryIndex#chunksWithoutVector}) {@value #POOL} batches at a time, looks their
 * window texts up in the embedding cache (keyed by the window text's hash: a chunk within the
 * window is its own only window), then embeds the rest sorted by length (a batch of texts of
 * similar length pads little, so the rate stays close to the raw onnxruntime rate;
 * docs/benchmarks.md), caches each batch and stores every chunk whose windows all have vectors. So
 * memory holds one pool of texts and vectors, never a whole file's; an interrupted run loses at
 * most one batch, and the next run finds the rest through {@code chunksWithoutVector} (texts
 * embedded before the interruption come from the cache).
 */
final class EmbeddingBatcher {
  /** Batches taken from the index per round, sorted by length together. */
  static final int POOL = 8;

  private final MemoryIndex index;
  private final Embedder embedder;
  private final ChunkWindows windows;
  private final int batchSize;
  int embedded;
  int cached;
  int stored;

  EmbeddingBatcher(MemoryIndex index, Embedder embedder, int batchSize) {
    this.index = index;
    this.embedder = embedder;
    this.windows = new ChunkWindows(TokenCounter.of(embedder));
    this.batchSize = batchSize;
  }

  /** A pending chunk and the hashes of its windows, in order. */
  private record Work(long id, List<String> windowHashes) {}

  /**
   * Embeds pending chunks until none is left or {@code budgetNanos} have passed ({@link
   * Long#MAX_VALUE}: no limit); when there is work, at least one batch is stored whatever the
   * budget. {@code progress} gets the count stored so far after each store.
   */
  void run(long budgetNanos, IntConsumer progress) {
    long start = System.nanoTime();
    while (true) {
      List<PendingChunk> pool = index.chunksWithoutVector(batchSize * POOL);
      if (pool.isEmpty()) {
        return;
      }
      List<Work> work = new ArrayList<>();
      Map<String, String> textByHash = new LinkedHashMap<>();
      for (PendingChunk c : pool) {
        List<String> texts = windows.of(c.text());
        List<String> hashes = new ArrayList<>(texts.size());
        for (String t : texts) {
          String h = texts.size() == 1 ? c.textHash() : Hashes.sha256(t);
          hashes.add(h);
          textByHash.putIfAbsent(h, t);
        }
        work.add(new Work(c.id(), hashes));
      }
      Map<String, Embedding> vectors =
          new HashMap<>(index.cachedEmbeddings(embedder.modelId(), textByHash.keySet()));
      int before = stored;
      cached += vectors.size();
      storeComplete(work, vectors, progress);
      List<String> misses = new ArrayList<>();
      for (String hash : textByHash.keySet()) {
        if (!vectors.containsKey(hash)) {
          misses.add(hash);
        }
      }
      misses.sort(Comparator.comparingInt(h -> textByHash.get(h).length()));
      for (int from = 0; from < misses.size(); from += batchSize) {
        if (stored > 0 && System.nanoTime() - start > budgetNanos) {
          return;
        }
        List<String> hashes = misses.subList(from, Math.min(misses.size(), from + batchSize));
        List<Embedding> fresh = embedder.embed(hashes.stream().map(textByHash::get).toList());
        Map<String, Embedding> byHash = new HashMap<>();
        for (int i = 0; i < hashes.size(); i++) {
          byHash.put(hashes.get(i), fresh.get(i));
        }
        index.cacheEmbeddings(embedder.modelId(), byHash);
        embedded += hashes.size();
        vectors.putAll(byHash);
        storeComplete(work, vectors, progress);
      }
      if (stored == before || System.nanoTime() - start > budgetNanos) {
        return; // nothing could be stored (the chunks vanished meanwhile), or the time is up
      }
    }
  }

  /** Stores (and drops from {@code work}) every chunk whose windows all have a vector. */
  private void storeComplete(
      List<Work> work, Map<String, Embedding> vectors, IntConsumer progress) {
    Map<Long, List<Embedding>> byId = new HashMap<>();
    for (Iterator<Work> it = work.iterator(); it.hasNext(); ) {
      Work w = it.next();
      if (vectors.keySet().containsAll(w.windowHashes())) {
        byId.put(w.id(), w.windowHashes().stream().map(vectors::get).toList());
        it.remove();
      }
    }
    if (!byId.isEmpty()) {
      index.storeWindowVectors(byId);
      stored += byId.size();
      progress.accept(stored);
    }
  }
}
