// Alternative B of issue 15 item 1, measured offline: chunks stay as a kept `bench retrieval --keep` index cut them,
// but each chunk longer than the model's window gets one vector per window (windows cut by the token chunker, with
// overlap) and the vector leg scores a chunk by its best window. The BM25 leg, fusion and metrics are the product's
// own (RetrievalBenchmark.evaluate over the same SQLite index); only vectorSearch is replaced.
//
// Run (a kept index of the old character chunking, schema 2; work on a copy when the jars are newer):
//   java --enable-native-access=ALL-UNNAMED -cp 'JARS/*' docs/bench/MultiWindowBench.java \
//     KEEP_DIR DATA_DIR [MODES, default single,max,mean] [QRELS_TSV or -, default DATA_DIR/qrels-test.tsv] [heading]
// `single` uses the stored vectors, one per chunk (must reproduce `bench retrieval`'s numbers: checks the harness); `max` scores a
// chunk by its best window, `mean` by the normalised mean of its window vectors; `heading` prefixes every window
// with the chunk's heading path. Window vectors are cached in KEEP_DIR/windows[-heading].f32, so the modes and later
// runs embed nothing.
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
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import dev.localgpt.ports.memory.StoredChunk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

public class MultiWindowBench {
  public static void main(String[] args) throws Exception {
    Path keep = Path.of(args[0]);
    Path data = Path.of(args[1]);
    List<String> modes = List.of((args.length > 2 ? args[2] : "single,max,mean").split(","));
    Path qrels = args.length > 3 && !args[3].equals("-") ? Path.of(args[3]) : data.resolve("qrels-test.tsv");
    boolean headed = args.length > 4 && args[4].equals("heading");
    EmbeddingModelChoice choice = EmbeddingModelChoice.DEFAULT;
    Path db = keep.resolve("memory-" + choice.id() + ".sqlite");
    BeirData beir = BenchFiles.beir(data, qrels);
    Map<String, String> docOfPath = BeirData.writeMarkdown(beir.corpus(), Files.createTempDirectory("mwb"));
    // The stored vectors are read before the index is opened: opening it with a build whose schema is newer
    // migrates it (schema 3 drops the one-window vectors), after which only the max and mean modes are valid.
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
        stored.add(blob == null ? null : Embedding.of(BenchFiles.floats(blob)));
      }
    }
    try (OnnxEmbedder embedder = OnnxEmbedders.create(choice, 32, Runtime.getRuntime().availableProcessors());
        SqliteMemoryIndex index = SqliteMemoryIndex.open(db, SqliteOptions.javaKnn())) {
      int window = embedder.maxTokens();
      long tokens = 0;
      long cut = 0;
      int over = 0;
      MarkdownChunker cutter = new MarkdownChunker(new ChunkerSettings(window, window / 5, 4),
          TokenCounter.of(embedder));
      // Every chunk gets its windows (a chunk within the window: one, its own text); with `heading`, each window is
      // prefixed by the chunk's heading path and the window shrinks by the prefix's tokens.
      List<String> texts = new ArrayList<>();
      List<Integer> owner = new ArrayList<>();
      for (int i = 0; i < chunks.size(); i++) {
        String text = chunks.get(i).text();
        int t = embedder.tokenCount(text);
        tokens += t;
        if (t > window) {
          over++;
          cut += t - window;
        }
        String prefix = headed ? heading(chunks.get(i).headingPath()) : "";
        int room = window - (prefix.isEmpty() ? 0 : embedder.tokenCount(prefix));
        List<String> parts = t <= room ? List.of(text)
            : new MarkdownChunker(new ChunkerSettings(room, room / 5, 4), TokenCounter.of(embedder))
                .chunk("w.md", text).stream().map(x -> x.text()).toList();
        for (String p : parts) {
          texts.add(prefix + p);
          owner.add(i);
        }
      }
      System.out.printf(Locale.ROOT, "chunks %d, over the %d-token window %d (%.1f%%), text cut %.1f%%, "
          + "window texts %d%n", chunks.size(), window, over, 100.0 * over / chunks.size(),
          100.0 * cut / tokens, texts.size());
      // Window texts equal to a chunk's stored text reuse its vector; the rest are embedded once and cached.
      List<Embedding> vectors = new ArrayList<>();
      Path cache = keep.resolve("windows" + (headed ? "-heading" : "") + ".f32");
      List<Integer> todo = new ArrayList<>();
      for (int k = 0; k < texts.size(); k++) {
        boolean same = texts.get(k).equals(chunks.get(owner.get(k)).text());
        vectors.add(same ? stored.get(owner.get(k)) : null);
        if (!same) {
          todo.add(k);
        }
      }
      List<Embedding> fresh;
      if (todo.isEmpty()) {
        fresh = List.of();
      } else if (Files.exists(cache)) {
        fresh = BenchFiles.readVectors(cache).stream().map(Embedding::of).toList();
        System.out.printf(Locale.ROOT, "read %d window vectors from %s%n", fresh.size(), cache);
      } else {
        embedder.embed(List.of("warm-up text that is not in the corpus"));
        long t0 = System.nanoTime();
        var os = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        fresh = embedder.embed(todo.stream().map(texts::get).toList());
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "embedded %d window texts in %.1f s wall, %.1f s CPU (%.1f texts/s), load %s%n",
            todo.size(), secs, (os.getProcessCpuTime() - c0) / 1e9, todo.size() / secs,
            Files.readString(Path.of("/proc/loadavg")).trim());
        BenchFiles.writeVectors(cache, fresh.stream().map(Embedding::toArray).toList());
      }
      for (int j = 0; j < todo.size(); j++) {
        vectors.set(todo.get(j), fresh.get(j));
      }
      SearchSettings settings = SearchSettings.defaults().withMode(SearchMode.HYBRID);
      List<String> queries = RetrievalBenchmark.judgedQueries(beir, 0);
      for (String mode : modes) {
        MemoryIndex scored = switch (mode) {
          case "single" -> new BestWindow(index, chunks, stored, range(chunks.size()));
          case "max" -> new BestWindow(index, chunks, vectors, owner);
          case "mean" -> new BestWindow(index, chunks, mean(chunks.size(), vectors, owner), range(chunks.size()));
          default -> throw new IllegalArgumentException("mode: single, max or mean, not " + mode);
        };
        for (RetrievalBenchmark.Row r : RetrievalBenchmark.evaluate(beir, docOfPath, scored, embedder, settings,
            List.of(new dev.localgpt.core.memory.eval.FusionSpec("hybrid", x -> x)), queries, Optional.empty())) {
          System.out.printf(Locale.ROOT, "%-6s %-8s nDCG@10 %.4f  Recall@100 %.4f%n", mode, r.leg(), r.ndcg10(),
              r.recall100());
        }
      }
    }
  }

  static String heading(String path) {
    return path == null || path.isBlank() ? "" : path.replaceAll("#+ ", "").replace(" > ", " / ").trim() + "\n";
  }

  static List<Embedding> mean(int n, List<Embedding> vectors, List<Integer> owner) {
    float[][] sum = new float[n][];
    for (int k = 0; k < vectors.size(); k++) {
      float[] v = vectors.get(k).toArray();
      int c = owner.get(k);
      if (sum[c] == null) {
        sum[c] = new float[v.length];
      }
      for (int d = 0; d < v.length; d++) {
        sum[c][d] += v[d];
      }
    }
    List<Embedding> out = new ArrayList<>();
    for (float[] s : sum) {
      out.add(Embedding.normalized(s));
    }
    return out;
  }

  static List<Integer> range(int n) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(i);
    }
    return out;
  }

  /** Delegates everything but vector search, which scores each chunk by its best window vector. */
  record BestWindow(MemoryIndex d, List<StoredChunk> chunks, List<Embedding> vectors, List<Integer> owner)
      implements ReadOnlyIndex {
    @Override
    public List<ScoredChunk> vectorSearch(Embedding query, int limit, SearchScope scope) {
      double[] best = new double[chunks.size()];
      java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
      for (int i = 0; i < vectors.size(); i++) {
        int c = owner.get(i);
        best[c] = Math.max(best[c], query.dot(vectors.get(i)));
      }
      return BenchFiles.topByScore(chunks, best, limit, scope);
    }
  }
}
