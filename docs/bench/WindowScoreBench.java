// How a chunk with several window vectors is scored by the vector leg (issue 15, task `quality` item 3), offline
// over a kept `bench retrieval --keep` index of schema 3 (B-max: a chunk's first window in chunks.embedding, the
// others in chunk_windows). The window vectors are read from the index once; nothing of the corpus is re-embedded
// except for the `half` modes. The BM25 leg, fusion and metrics are the product's own (RetrievalBenchmark.evaluate
// over the same SQLite index); only vectorSearch is replaced.
//
// Run (copy the keep directory first: opening it with a newer build may migrate it):
//   java --enable-native-access=ALL-UNNAMED -cp 'JARS/*' docs/bench/WindowScoreBench.java \
//     KEEP_DIR DATA_DIR MODEL_ID [MODES] [QRELS_TSV]
// MODES (comma-separated, default max,mean,max+mean:0.1,max+mean:0.25,max+mean:0.5,max+mean:1):
//   max          a chunk scores as its best window's cosine (the product; must reproduce bench retrieval)
//   mean         the mean of its windows' cosines
//   max+mean:L   (best + L * mean) / (1 + L)  (kept on the cosine scale, so the relevance floor means the same)
//   half, half+mean:L   the same over windows cut with a stride of about half a window (overlap window/2 - 1
//                tokens) instead of the product's fifth; embedded once and cached in KEEP_DIR/windows-half.f32
import dev.localgpt.adapter.embeddings.EmbeddingModelChoice;
import dev.localgpt.adapter.embeddings.OnnxEmbedder;
import dev.localgpt.adapter.embeddings.OnnxEmbedders;
import dev.localgpt.adapter.sqlite.SqliteMemoryIndex;
import dev.localgpt.adapter.sqlite.SqliteOptions;
import dev.localgpt.core.memory.ChunkerSettings;
import dev.localgpt.core.memory.MarkdownChunker;
import dev.localgpt.core.memory.SearchSettings;
import dev.localgpt.core.memory.TokenCounter;
import dev.localgpt.core.memory.eval.BeirData;
import dev.localgpt.core.memory.eval.FusionSpec;
import dev.localgpt.core.memory.eval.RetrievalBenchmark;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import dev.localgpt.ports.memory.StoredChunk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

public class WindowScoreBench {
  public static void main(String[] args) throws Exception {
    Path keep = Path.of(args[0]);
    Path data = Path.of(args[1]);
    EmbeddingModelChoice choice = EmbeddingModelChoice.fromId(args[2]);
    List<String> modes = List.of((args.length > 3 ? args[3]
        : "max,mean,max+mean:0.1,max+mean:0.25,max+mean:0.5,max+mean:1").split(","));
    Path qrels = args.length > 4 ? Path.of(args[4])
        : BenchFiles.testQrels(data);
    Path db = keep.resolve("memory-" + choice.id() + ".sqlite");
    BeirData beir = BenchFiles.beir(data, qrels);
    Map<String, String> docOfPath = BeirData.writeMarkdown(beir.corpus(), Files.createTempDirectory("wsb"));

    BenchFiles.KeptWindows kept = BenchFiles.keptWindows(db);
    List<StoredChunk> chunks = kept.chunks();
    List<List<float[]>> windows = kept.windows();
    int total = windows.stream().mapToInt(List::size).sum();
    System.out.printf(Locale.ROOT, "%s: %d chunks, %d window vectors%n", choice.id(), chunks.size(), total);

    try (OnnxEmbedder embedder = OnnxEmbedders.create(choice, 32, Runtime.getRuntime().availableProcessors());
        SqliteMemoryIndex index = SqliteMemoryIndex.open(db, SqliteOptions.javaKnn())) {
      List<List<float[]>> half = null;
      List<String> queries = RetrievalBenchmark.judgedQueries(beir, 0);
      for (String mode : modes) {
        String base = mode.contains(":") ? mode.substring(0, mode.indexOf(':')) : mode;
        double lambda = mode.contains(":") ? Double.parseDouble(mode.substring(mode.indexOf(':') + 1)) : 0;
        List<List<float[]>> vectors = windows;
        if (base.startsWith("half")) {
          if (half == null) {
            half = halfWindows(keep, chunks, embedder);
          }
          vectors = half;
          base = "max" + base.substring(4);
        }
        MemoryIndex scored = new Windows(index, chunks, vectors, base, lambda);
        for (RetrievalBenchmark.Row r : RetrievalBenchmark.evaluate(beir, docOfPath, scored, embedder,
            SearchSettings.defaults(), List.of(new FusionSpec("hybrid", x -> x)), queries, Optional.empty())) {
          System.out.printf(Locale.ROOT, "%-16s %-7s nDCG@10 %.4f  Recall@100 %.4f%n", mode, r.leg(), r.ndcg10(),
              r.recall100());
        }
      }
    }
  }

  /** Windows with a stride of about half the model's window, cached in KEEP_DIR/windows-half.f32. */
  static List<List<float[]>> halfWindows(Path keep, List<StoredChunk> chunks, OnnxEmbedder embedder)
      throws Exception {
    int window = embedder.maxTokens();
    MarkdownChunker cutter =
        new MarkdownChunker(new ChunkerSettings(window, window / 2 - 1, 4), TokenCounter.of(embedder));
    List<String> texts = new ArrayList<>();
    List<Integer> owner = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      String text = chunks.get(i).text();
      List<String> parts = embedder.tokenCount(text) <= window ? List.of(text)
          : cutter.chunk("w.md", text).stream().map(x -> x.text()).toList();
      for (String p : parts) {
        texts.add(p);
        owner.add(i);
      }
    }
    Path cache = keep.resolve("windows-half.f32");
    List<float[]> flat;
    if (Files.exists(cache)) {
      flat = BenchFiles.readVectors(cache);
    } else {
      var os = (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long t0 = System.nanoTime();
      long c0 = os.getProcessCpuTime();
      flat = embedder.embed(texts).stream().map(Embedding::toArray).toList();
      double secs = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "embedded %d half-stride window texts in %.1f s wall, %.1f s CPU, load %s%n",
          texts.size(), secs, (os.getProcessCpuTime() - c0) / 1e9, Files.readString(Path.of("/proc/loadavg")).trim());
      BenchFiles.writeVectors(cache, flat);
    }
    List<List<float[]>> out = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      out.add(new ArrayList<>());
    }
    for (int k = 0; k < flat.size(); k++) {
      out.get(owner.get(k)).add(flat.get(k));
    }
    System.out.printf(Locale.ROOT, "half-stride windows: %d vectors%n", flat.size());
    return out;
  }

  /** Delegates everything but vector search, which scores each chunk from its windows' cosines. */
  record Windows(MemoryIndex d, List<StoredChunk> chunks, List<List<float[]>> vectors, String how, double lambda)
      implements ReadOnlyIndex {
    @Override
    public List<ScoredChunk> vectorSearch(Embedding query, int limit, SearchScope scope) {
      float[] q = query.toArray();
      double[] score = new double[chunks.size()];
      for (int c = 0; c < score.length; c++) {
        double best = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (float[] w : vectors.get(c)) {
          double dot = 0;
          for (int i = 0; i < q.length; i++) {
            dot += q[i] * w[i];
          }
          best = Math.max(best, dot);
          sum += dot;
        }
        double mean = sum / vectors.get(c).size();
        score[c] = switch (how) {
          case "max" -> best;
          case "mean" -> mean;
          case "max+mean" -> (best + lambda * mean) / (1 + lambda);
          default -> throw new IllegalArgumentException("mode: max, mean, max+mean:L, half..., not " + how);
        };
      }
      return BenchFiles.topByScore(chunks, score, limit, scope);
    }
  }
}
