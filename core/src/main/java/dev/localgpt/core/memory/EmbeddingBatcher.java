package dev.localgpt.core.memory;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.PendingChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The vector phase of indexing: gives a vector to every stored chunk that has none. It takes the
 * pending chunks ({@link MemoryIndex#chunksWithoutVector}) {@value #POOL} batches at a time, stores
 * those whose text is in the embedding cache, then embeds the rest sorted by length (a batch of
 * texts of similar length pads little, so the rate stays close to the raw onnxruntime rate;
 * docs/benchmarks.md) and stores each batch as soon as it is embedded, after caching it. So memory
 * holds one pool of texts and vectors, never a whole file's; an interrupted run loses at most one
 * batch, and the next run finds the rest through {@code chunksWithoutVector} (texts embedded before
 * the interruption come from the cache).
 */
final class EmbeddingBatcher {
  /** Batches taken from the index per round, sorted by length together. */
  static final int POOL = 8;

  private final MemoryIndex index;
  private final Embedder embedder;
  private final int batchSize;
  int embedded;
  int cached;
  int stored;

  EmbeddingBatcher(MemoryIndex index, Embedder embedder, int batchSize) {
    this.index = index;
    this.embedder = embedder;
    this.batchSize = batchSize;
  }

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
      Map<String, List<Long>> idsByHash = new LinkedHashMap<>();
      Map<String, String> textByHash = new HashMap<>();
      for (PendingChunk c : pool) {
        idsByHash.computeIfAbsent(c.textHash(), h -> new ArrayList<>()).add(c.id());
        textByHash.putIfAbsent(c.textHash(), c.text());
      }
      Map<String, Embedding> hits = index.cachedEmbeddings(embedder.modelId(), idsByHash.keySet());
      int before = stored;
      if (!hits.isEmpty()) {
        store(hits, idsByHash);
        cached += hits.size();
        progress.accept(stored);
      }
      List<String> misses = new ArrayList<>();
      for (String hash : idsByHash.keySet()) {
        if (!hits.containsKey(hash)) {
          misses.add(hash);
        }
      }
      misses.sort(Comparator.comparingInt(h -> textByHash.get(h).length()));
      for (int from = 0; from < misses.size(); from += batchSize) {
        if (stored > 0 && System.nanoTime() - start > budgetNanos) {
          return;
        }
        List<String> hashes = misses.subList(from, Math.min(misses.size(), from + batchSize));
        List<Embedding> vectors = embedder.embed(hashes.stream().map(textByHash::get).toList());
        Map<String, Embedding> byHash = new HashMap<>();
        for (int i = 0; i < hashes.size(); i++) {
          byHash.put(hashes.get(i), vectors.get(i));
        }
        index.cacheEmbeddings(embedder.modelId(), byHash);
        embedded += hashes.size();
        store(byHash, idsByHash);
        progress.accept(stored);
      }
      if (stored == before || System.nanoTime() - start > budgetNanos) {
        return; // nothing could be stored (the chunks vanished meanwhile), or the time is up
      }
    }
  }

  private void store(Map<String, Embedding> byHash, Map<String, List<Long>> idsByHash) {
    Map<Long, Embedding> byId = new HashMap<>();
    byHash.forEach((hash, vector) -> idsByHash.get(hash).forEach(id -> byId.put(id, vector)));
    index.storeVectors(byId);
    stored += byId.size();
  }
}
