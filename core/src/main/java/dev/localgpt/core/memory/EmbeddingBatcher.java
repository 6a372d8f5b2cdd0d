package dev.localgpt.core.memory;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.NewChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;

/**
 * Collects chunked files, embeds the chunk texts that are not in the embedding cache in full batches across files,
 * and writes each file with one {@link MemoryIndex#replaceFile} as soon as all its vectors are ready. Without an
 * embedder every file is written at once. Texts are pooled ({@value #POOL} batches) and sorted by length before they
 * are cut into batches, so a batch holds texts of similar length and the model pads little (the indexing rate is
 * then close to the raw onnxruntime rate on length-sorted batches; docs/benchmarks.md).
 */
final class EmbeddingBatcher {
  /** Batches pooled before sorting by length. */
  static final int POOL = 8;

  private record Pending(IndexedFile file, List<Chunk> chunks) {}

  private final MemoryIndex index;
  private final Embedder embedder;
  private final int batchSize;
  private final ObjIntConsumer<IndexedFile> written;
  private final List<Pending> pending = new ArrayList<>();
  private final Map<String, String> toEmbed = new LinkedHashMap<>();
  private final Map<String, Embedding> ready = new HashMap<>();
  int embedded;
  int cached;

  /** {@code embedder} may be null; {@code written} gets each written file and its chunk count. */
  EmbeddingBatcher(MemoryIndex index, Embedder embedder, int batchSize, ObjIntConsumer<IndexedFile> written) {
    this.index = index;
    this.embedder = embedder;
    this.batchSize = batchSize;
    this.written = written;
  }

  void add(IndexedFile file, List<Chunk> chunks) {
    if (embedder != null) {
      List<String> unknown = new ArrayList<>();
      for (Chunk c : chunks) {
        if (!ready.containsKey(c.hash()) && !toEmbed.containsKey(c.hash())) {
          unknown.add(c.hash());
        }
      }
      Map<String, Embedding> hits = unknown.isEmpty()
          ? Map.of() : index.cachedEmbeddings(embedder.modelId(), unknown.stream().distinct().toList());
      ready.putAll(hits);
      for (Chunk c : chunks) {
        if (hits.containsKey(c.hash())) {
          cached++;
        } else if (!ready.containsKey(c.hash())) {
          toEmbed.putIfAbsent(c.hash(), c.text());
        }
      }
    }
    pending.add(new Pending(file, chunks));
    while (toEmbed.size() >= batchSize * POOL) {
      embedPool();
    }
    writeReady();
  }

  /** Embeds what is left and writes every pending file. */
  void finish() {
    while (!toEmbed.isEmpty()) {
      embedPool();
    }
    writeReady();
  }

  /** Takes up to {@link #POOL} batches of texts, sorts them by length and embeds them batch by batch. */
  private void embedPool() {
    List<Map.Entry<String, String>> pool = new ArrayList<>();
    Iterator<Map.Entry<String, String>> it = toEmbed.entrySet().iterator();
    while (it.hasNext() && pool.size() < batchSize * POOL) {
      Map.Entry<String, String> e = it.next();
      pool.add(Map.entry(e.getKey(), e.getValue()));
      it.remove();
    }
    pool.sort(Comparator.comparingInt(e -> e.getValue().length()));
    for (int from = 0; from < pool.size(); from += batchSize) {
      embedBatch(pool.subList(from, Math.min(pool.size(), from + batchSize)));
    }
  }

  private void embedBatch(List<Map.Entry<String, String>> batch) {
    List<String> hashes = new ArrayList<>(batch.size());
    List<String> texts = new ArrayList<>(batch.size());
    for (Map.Entry<String, String> e : batch) {
      hashes.add(e.getKey());
      texts.add(e.getValue());
    }
    List<Embedding> vectors = embedder.embed(texts);
    Map<String, Embedding> byHash = new HashMap<>();
    for (int i = 0; i < hashes.size(); i++) {
      byHash.put(hashes.get(i), vectors.get(i));
    }
    index.cacheEmbeddings(embedder.modelId(), byHash);
    ready.putAll(byHash);
    embedded += hashes.size();
  }

  private void writeReady() {
    Iterator<Pending> it = pending.iterator();
    while (it.hasNext()) {
      Pending p = it.next();
      if (embedder != null && !p.chunks().stream().allMatch(c -> ready.containsKey(c.hash()))) {
        continue;
      }
      List<NewChunk> chunks = new ArrayList<>(p.chunks().size());
      for (Chunk c : p.chunks()) {
        Embedding e = embedder == null ? null : ready.get(c.hash());
        chunks.add(new NewChunk(c.startLine(), c.endLine(), c.headingPath(), c.text(), c.hash(), e));
      }
      index.replaceFile(p.file(), chunks);
      it.remove();
      written.accept(p.file(), chunks.size());
    }
    if (pending.isEmpty()) {
      ready.clear();
    }
  }
}
