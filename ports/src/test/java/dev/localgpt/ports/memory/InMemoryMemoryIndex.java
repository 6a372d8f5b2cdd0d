package dev.localgpt.ports.memory;

import dev.localgpt.ports.embedding.Embedding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simple, faithful in-memory {@link MemoryIndex} for tests: BM25 (k1 1.2, b 0.75, FTS5's IDF)
 * over lower-case word tokens with OR semantics, brute-force cosine k-NN, scopes, an embedding
 * cache per model, and a model switch that drops every file. All methods are synchronized.
 */
public final class InMemoryMemoryIndex implements MemoryIndex {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");
  private static final double K1 = 1.2;
  private static final double B = 0.75;

  private record Entry(
      StoredChunk chunk,
      List<Embedding> windows,
      String textHash,
      Map<String, Integer> termFreq,
      int length) {}

  private final Map<String, IndexedFile> files = new TreeMap<>();
  private final Map<String, List<Entry>> chunksByPath = new HashMap<>();
  private final Map<String, Map<String, Embedding>> cache = new HashMap<>();
  private Optional<String> model = Optional.empty();
  private Optional<String> chunking = Optional.empty();
  private int dimension;
  private long nextId = 1;
  private boolean closed;

  @Override
  public synchronized int schemaVersion() {
    return 1;
  }

  @Override
  public synchronized List<IndexedFile> files() {
    open();
    return List.copyOf(files.values());
  }

  @Override
  public synchronized Optional<IndexedFile> file(String path) {
    open();
    return Optional.ofNullable(files.get(path));
  }

  @Override
  public synchronized void replaceFile(IndexedFile file, List<NewChunk> chunks) {
    open();
    List<Entry> entries = new ArrayList<>(chunks.size());
    for (NewChunk c : chunks) {
      StoredChunk stored =
          new StoredChunk(
              nextId++,
              file.path(),
              file.source(),
              c.startLine(),
              c.endLine(),
              c.headingPath(),
              c.text());
      List<String> tokens = tokens(c.text());
      Map<String, Integer> tf = new HashMap<>();
      tokens.forEach(t -> tf.merge(t, 1, Integer::sum));
      entries.add(
          new Entry(
              stored,
              c.embedding() == null ? null : List.of(c.embedding()),
              c.textHash(),
              tf,
              tokens.size()));
    }
    files.put(file.path(), file);
    chunksByPath.put(file.path(), entries);
  }

  @Override
  public synchronized List<PendingChunk> chunksWithoutVector(int limit) {
    open();
    return chunksByPath.values().stream()
        .flatMap(List::stream)
        .filter(e -> e.windows() == null)
        .sorted(Comparator.comparingLong(e -> e.chunk().id()))
        .limit(Math.max(0, limit))
        .map(e -> new PendingChunk(e.chunk().id(), e.textHash(), e.chunk().text()))
        .toList();
  }

  @Override
  public synchronized void storeWindowVectors(Map<Long, List<Embedding>> byChunkId) {
    open();
    byChunkId.forEach(
        (id, windows) -> {
          if (windows.isEmpty()) {
            throw new IllegalArgumentException("chunk " + id + " has no window vector");
          }
        });
    for (Map.Entry<String, List<Entry>> path : chunksByPath.entrySet()) {
      List<Entry> entries = new ArrayList<>(path.getValue());
      for (int i = 0; i < entries.size(); i++) {
        Entry e = entries.get(i);
        List<Embedding> v = byChunkId.get(e.chunk().id());
        if (v != null) {
          entries.set(
              i, new Entry(e.chunk(), List.copyOf(v), e.textHash(), e.termFreq(), e.length()));
        }
      }
      path.setValue(entries);
    }
  }

  @Override
  public synchronized void deleteFile(String path) {
    open();
    files.remove(path);
    chunksByPath.remove(path);
  }

  @Override
  public synchronized List<ScoredChunk> keywordSearch(String text, int limit, SearchScope scope) {
    open();
    List<String> terms = tokens(text).stream().distinct().toList();
    if (terms.isEmpty() || limit <= 0) {
      return List.of();
    }
    List<Entry> all = chunksByPath.values().stream().flatMap(List::stream).toList();
    int n = all.size();
    double avgLength = all.stream().mapToInt(Entry::length).average().orElse(1);
    Map<String, Double> idf = new HashMap<>();
    for (String term : terms) {
      long df = all.stream().filter(e -> e.termFreq().containsKey(term)).count();
      idf.put(term, Math.max(1e-6, Math.log((n - df + 0.5) / (df + 0.5))));
    }
    List<ScoredChunk> hits = new ArrayList<>();
    for (Entry e : all) {
      if (!scope.admits(e.chunk().source())) {
        continue;
      }
      double score = 0;
      boolean matched = false;
      for (String term : terms) {
        Integer f = e.termFreq().get(term);
        if (f != null) {
          matched = true;
          double norm = f + K1 * (1 - B + B * e.length() / Math.max(avgLength, 1e-9));
          score += idf.get(term) * f * (K1 + 1) / norm;
        }
      }
      if (matched) {
        hits.add(new ScoredChunk(e.chunk(), score));
      }
    }
    return top(hits, limit);
  }

  @Override
  public synchronized List<ScoredChunk> vectorSearch(
      Embedding query, int limit, SearchScope scope) {
    open();
    List<ScoredChunk> hits = new ArrayList<>();
    for (List<Entry> entries : chunksByPath.values()) {
      for (Entry e : entries) {
        if (e.windows() != null
            && e.windows().get(0).dimension() == query.dimension()
            && scope.admits(e.chunk().source())) {
          double best = Double.NEGATIVE_INFINITY;
          for (Embedding w : e.windows()) {
            best = Math.max(best, w.dot(query));
          }
          hits.add(new ScoredChunk(e.chunk(), best));
        }
      }
    }
    return top(hits, limit);
  }

  private static List<ScoredChunk> top(List<ScoredChunk> hits, int limit) {
    return hits.stream()
        .sorted(
            Comparator.comparingDouble(ScoredChunk::score)
                .reversed()
                .thenComparingLong(h -> h.chunk().id()))
        .limit(Math.max(0, limit))
        .toList();
  }

  @Override
  public synchronized Map<String, Embedding> cachedEmbeddings(
      String modelId, Collection<String> textHashes) {
    open();
    Map<String, Embedding> forModel = cache.getOrDefault(modelId, Map.of());
    Map<String, Embedding> out = new LinkedHashMap<>();
    for (String hash : textHashes) {
      Embedding e = forModel.get(hash);
      if (e != null) {
        out.put(hash, e);
      }
    }
    return out;
  }

  @Override
  public synchronized void cacheEmbeddings(String modelId, Map<String, Embedding> byTextHash) {
    open();
    cache.computeIfAbsent(modelId, k -> new HashMap<>()).putAll(byTextHash);
  }

  @Override
  public synchronized Optional<String> chunkingVersion() {
    return chunking;
  }

  @Override
  public synchronized void useChunkingVersion(String version) {
    chunking = Optional.of(version);
  }

  @Override
  public synchronized Optional<String> embeddingModel() {
    open();
    return model;
  }

  @Override
  public synchronized void useEmbeddingModel(String modelId, int dimension) {
    open();
    if (model.isPresent() && model.get().equals(modelId) && this.dimension == dimension) {
      return;
    }
    files.clear();
    chunksByPath.clear();
    model = Optional.of(modelId);
    this.dimension = dimension;
  }

  @Override
  public synchronized IndexStats stats() {
    open();
    int chunks = 0;
    int embedded = 0;
    for (List<Entry> entries : chunksByPath.values()) {
      chunks += entries.size();
      embedded += (int) entries.stream().filter(e -> e.windows() != null).count();
    }
    return new IndexStats(files.size(), chunks, embedded, 0, model.orElse(""), "java");
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  private void open() {
    if (closed) {
      throw new IndexException(IndexException.Kind.FAILED, "index is closed", null);
    }
  }

  /** Lower-case word tokens, the same way keyword search sees a text. */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
