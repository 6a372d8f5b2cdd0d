// Alternative B of issue 15 item 1, measured offline: chunks stay as a kept `bench retrieval --keep` index cut them,
// but each chunk longer than the model's window gets one vector per window (windows cut by the token chunker, with
// overlap) and the vector leg scores a chunk by its best window. The BM25 leg, fusion and metrics are the product's
// own (RetrievalBenchmark.evaluate over the same SQLite index); only vectorSearch is replaced.
//
// Run (jars of this branch, a kept index of the old character chunking):
//   java --enable-native-access=ALL-UNNAMED -cp 'JARS/*' docs/bench/MultiWindowBench.java \
//     KEEP_DIR /work/shared/data/scifact [single|windows] [QRELS_TSV (default DATA_DIR/qrels-test.tsv)]
// `single` uses the stored vectors (must reproduce `bench retrieval`'s numbers: checks the harness).
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localgpt.adapter.embeddings.EmbeddingModelChoice;
import dev.localgpt.adapter.embeddings.OnnxEmbedder;
import dev.localgpt.adapter.embeddings.OnnxEmbedders;
import dev.localgpt.adapter.sqlite.SqliteMemoryIndex;
import dev.localgpt.adapter.sqlite.SqliteOptions;
import dev.localgpt.core.memory.ChunkerSettings;
import dev.localgpt.core.memory.MarkdownChunker;
import dev.localgpt.core.memory.SearchMode;
import dev.localgpt.core.memory.SearchSettings;
import dev.localgpt.core.memory.TokenCounter;
import dev.localgpt.core.memory.eval.BeirData;
import dev.localgpt.core.memory.eval.RetrievalBenchmark;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.IndexStats;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.NewChunk;
import dev.localgpt.ports.memory.PendingChunk;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import dev.localgpt.ports.memory.StoredChunk;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

public class MultiWindowBench {
  public static void main(String[] args) throws Exception {
    Path keep = Path.of(args[0]);
    Path data = Path.of(args[1]);
    boolean windows = args.length < 3 || args[2].equals("windows");
    EmbeddingModelChoice choice = EmbeddingModelChoice.DEFAULT;
    Path db = keep.resolve("memory-" + choice.id() + ".sqlite");
    BeirData beir = read(data, args.length > 3 ? Path.of(args[3]) : data.resolve("qrels-test.tsv"));
    Map<String, String> docOfPath = BeirData.writeMarkdown(beir.corpus(), Files.createTempDirectory("mwb"));
    try (OnnxEmbedder embedder = OnnxEmbedders.create(choice, 32, Runtime.getRuntime().availableProcessors());
        SqliteMemoryIndex index = SqliteMemoryIndex.open(db, SqliteOptions.javaKnn())) {
      List<StoredChunk> chunks = new ArrayList<>();
      List<Embedding> stored = new ArrayList<>();
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(
              "select id, path, source, start_line, end_line, heading_path, text, embedding from chunks order by id")) {
        while (rs.next()) {
          chunks.add(new StoredChunk(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
              rs.getString(6), rs.getString(7)));
          byte[] blob = rs.getBytes(8);
          float[] v = new float[blob.length / 4];
          java.nio.ByteBuffer.wrap(blob).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
          stored.add(Embedding.of(v));
        }
      }
      int window = embedder.maxTokens();
      long tokens = 0;
      long cut = 0;
      int over = 0;
      MarkdownChunker cutter = new MarkdownChunker(new ChunkerSettings(window, window / 5, 4),
          TokenCounter.of(embedder));
      List<String> texts = new ArrayList<>();
      List<Integer> owner = new ArrayList<>();
      List<Embedding> vectors = new ArrayList<>();
      List<Integer> vectorOwner = new ArrayList<>();
      for (int i = 0; i < chunks.size(); i++) {
        String text = chunks.get(i).text();
        int t = embedder.tokenCount(text);
        tokens += t;
        if (t > window) {
          over++;
          cut += t - window;
        }
        if (windows && t > window) {
          for (String p : cutter.chunk("w.md", text).stream().map(x -> x.text()).toList()) {
            texts.add(p);
            owner.add(i);
          }
        } else {
          vectors.add(stored.get(i));
          vectorOwner.add(i);
        }
      }
      System.out.printf(Locale.ROOT, "chunks %d, over the %d-token window %d (%.1f%%), text cut %.1f%%, "
          + "windows of long chunks %d, vectors %d%n", chunks.size(), window, over, 100.0 * over / chunks.size(),
          100.0 * cut / tokens, texts.size(), texts.size() + vectors.size());
      if (!texts.isEmpty()) {
        embedder.embed(List.of("warm-up text that is not in the corpus"));
        long t0 = System.nanoTime();
        vectors.addAll(embedder.embed(texts));
        vectorOwner.addAll(owner);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "embedded %d windows in %.1f s (%.1f texts/s)%n", texts.size(), secs,
            texts.size() / secs);
      }
      MemoryIndex best = windows ? new BestWindow(index, chunks, vectors, vectorOwner) : index;
      SearchSettings settings = SearchSettings.defaults().withMode(SearchMode.HYBRID);
      List<String> queries = RetrievalBenchmark.judgedQueries(beir, 0);
      for (RetrievalBenchmark.Row r : RetrievalBenchmark.evaluate(beir, docOfPath, best, embedder, settings,
          List.of(new dev.localgpt.core.memory.eval.FusionSpec("hybrid", x -> x)), queries, Optional.empty())) {
        System.out.printf(Locale.ROOT, "%-8s nDCG@10 %.4f  Recall@100 %.4f%n", r.leg(), r.ndcg10(), r.recall100());
      }
    }
  }

  static BeirData read(Path dir, Path qrels) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<BeirData.Doc> docs = new ArrayList<>();
    Map<String, String> queries = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(dir.resolve("corpus.jsonl"))) {
      for (String l = in.readLine(); l != null; l = in.readLine()) {
        if (!l.isBlank()) {
          JsonNode n = json.readTree(l);
          docs.add(new BeirData.Doc(n.path("_id").asText(), n.path("title").asText(""), n.path("text").asText("")));
        }
      }
    }
    try (BufferedReader in = Files.newBufferedReader(dir.resolve("queries.jsonl"))) {
      for (String l = in.readLine(); l != null; l = in.readLine()) {
        if (!l.isBlank()) {
          JsonNode n = json.readTree(l);
          queries.put(n.path("_id").asText(), n.path("text").asText(""));
        }
      }
    }
    return new BeirData(docs, queries, BeirData.readQrels(qrels));
  }

  /** Delegates everything but vector search, which scores each chunk by its best window vector. */
  record BestWindow(MemoryIndex d, List<StoredChunk> chunks, List<Embedding> vectors, List<Integer> owner)
      implements MemoryIndex {
    @Override
    public List<ScoredChunk> vectorSearch(Embedding query, int limit, SearchScope scope) {
      double[] best = new double[chunks.size()];
      java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
      for (int i = 0; i < vectors.size(); i++) {
        int c = owner.get(i);
        best[c] = Math.max(best[c], query.dot(vectors.get(i)));
      }
      PriorityQueue<Integer> top = new PriorityQueue<>((a, b) -> Double.compare(best[a], best[b]));
      for (int c = 0; c < best.length; c++) {
        if (!scope.admits(chunks.get(c).source())) {
          continue;
        }
        top.add(c);
        if (top.size() > limit) {
          top.poll();
        }
      }
      List<ScoredChunk> out = new ArrayList<>();
      while (!top.isEmpty()) {
        int c = top.poll();
        out.add(new ScoredChunk(chunks.get(c), best[c]));
      }
      java.util.Collections.reverse(out);
      return out;
    }

    public int schemaVersion() { return d.schemaVersion(); }
    public List<IndexedFile> files() { return d.files(); }
    public Optional<IndexedFile> file(String path) { return d.file(path); }
    public void replaceFile(IndexedFile file, List<NewChunk> c) { throw new UnsupportedOperationException(); }
    public List<PendingChunk> chunksWithoutVector(int limit) { return d.chunksWithoutVector(limit); }
    public void storeVectors(Map<Long, Embedding> v) { throw new UnsupportedOperationException(); }
    public void deleteFile(String path) { throw new UnsupportedOperationException(); }
    public List<ScoredChunk> keywordSearch(String text, int limit, SearchScope scope) {
      return d.keywordSearch(text, limit, scope);
    }
    public Map<String, Embedding> cachedEmbeddings(String m, Collection<String> h) { return d.cachedEmbeddings(m, h); }
    public void cacheEmbeddings(String m, Map<String, Embedding> v) { }
    public Optional<String> embeddingModel() { return d.embeddingModel(); }
    public void useEmbeddingModel(String m, int dim) { }
    public IndexStats stats() { return d.stats(); }
    public void close() { }
  }
}
