// Pseudo-relevance feedback (PRF) for the vector leg (issue 15, task `prf`), offline over a kept `bench retrieval
// --keep` index of schema 3 (B-max windows), modelled on WindowScoreBench. Rocchio on dense vectors (Li et al. 2021,
// "Pseudo Relevance Feedback with Deep Language Models and Dense Retrievers: Successes and Pitfalls"):
//   q' = normalise(alpha * q + beta * mean(feedback vectors))
// where the feedback vectors are the top-k feedback chunks' best windows for the original query q (the window that
// gave the chunk its B-max score). No query is embedded again.
//
// The window vectors are read from the index once; the queries are embedded once and cached in KEEP_DIR/queries-
// MODEL.f32. The BM25 leg (the index's own keywordSearch), the fusion (HybridSearch, the product's defaults) and the
// metrics (RetrievalMetrics over MemoryHits.bestPerPath) are the product's: each search runs through HybridSearch
// over an index whose two legs return precomputed lists, so row `product` must reproduce `bench retrieval`.
//
// Run (copy the keep directory first: opening it with a newer build may migrate it):
//   java --enable-native-access=ALL-UNNAMED -cp 'JARS' docs/bench/PrfBench.java KEEP_DIR DATA_DIR MODEL_ID \
//     [VARIANTS] [QRELS_TSV]
// VARIANTS (comma-separated; default: the grid fixed before any run, below) are SOURCE:K:ALPHA:BETA:FORM with
//   SOURCE  hyb   the product's fused (hybrid) top-k: a second vector pass, then fused again with the same BM25 leg
//           bm25  the BM25 leg's top-k (the keyword leg teaches the vector leg)
//   FORM    full  q' scans every window of the index (a second k-NN scan)
//           cheap q' re-scores only the candidates the two legs already returned (their union, B-max over each
//                 candidate's windows), the vector leg becomes those candidates in q' order: no second scan
// `cheap` with BETA 0 is the control for the cheap form (the union re-scored with the plain q, no feedback).
// Printed per variant and set: nDCG@10 and Recall@100 of the vector leg with PRF and of the hybrid with PRF, the
// hybrid's paired difference to the product (per-query nDCG@10 wins/losses, a paired bootstrap 95% interval of
// the mean difference, 10,000 resamples, fixed seed), and the added CPU per query (thread CPU of building q' and
// the new vector list, and of the second fusion).
import dev.localgpt.adapter.embeddings.EmbeddingModelChoice;
import dev.localgpt.adapter.embeddings.OnnxEmbedder;
import dev.localgpt.adapter.embeddings.OnnxEmbedders;
import dev.localgpt.adapter.sqlite.SqliteMemoryIndex;
import dev.localgpt.adapter.sqlite.SqliteOptions;
import dev.localgpt.core.memory.HybridSearch;
import dev.localgpt.core.memory.MemoryHit;
import dev.localgpt.core.memory.MemoryHits;
import dev.localgpt.core.memory.SearchMode;
import dev.localgpt.core.memory.SearchOptions;
import dev.localgpt.core.memory.SearchSettings;
import dev.localgpt.core.memory.eval.BeirData;
import dev.localgpt.core.memory.eval.FixedQueryEmbedder;
import dev.localgpt.core.memory.eval.RetrievalBenchmark;
import dev.localgpt.core.memory.eval.RetrievalMetrics;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import dev.localgpt.ports.memory.StoredChunk;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

public class PrfBench {
  /** The grid, fixed before any run: {hyb, bm25} x k {3, 5} x (alpha, beta) {(1, 0.5), (1, 1)} x {full, cheap}. */
  static final String GRID = String.join(",",
      "hyb:3:1:0.5:full", "hyb:3:1:1:full", "hyb:5:1:0.5:full", "hyb:5:1:1:full",
      "bm25:3:1:0.5:full", "bm25:3:1:1:full", "bm25:5:1:0.5:full", "bm25:5:1:1:full",
      "cheap-control:0:1:0:cheap",
      "hyb:3:1:0.5:cheap", "hyb:3:1:1:cheap", "hyb:5:1:0.5:cheap", "hyb:5:1:1:cheap",
      "bm25:3:1:0.5:cheap", "bm25:3:1:1:cheap", "bm25:5:1:0.5:cheap", "bm25:5:1:1:cheap");

  static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  record Variant(String spec, String source, int k, double alpha, double beta, boolean full) {
    static Variant parse(String s) {
      String[] p = s.split(":");
      if (p.length != 5) {
        throw new IllegalArgumentException("variant SOURCE:K:ALPHA:BETA:FORM, not " + s);
      }
      return new Variant(s, p[0], Integer.parseInt(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3]),
          p[4].equals("full"));
    }
  }

  /** One query's precomputed legs. */
  record Query(String id, String text, float[] q, List<ScoredChunk> keyword, List<ScoredChunk> vector) {}

  public static void main(String[] args) throws Exception {
    Path keep = Path.of(args[0]);
    Path data = Path.of(args[1]);
    EmbeddingModelChoice choice = EmbeddingModelChoice.fromId(args[2]);
    List<Variant> variants = Arrays.stream((args.length > 3 ? args[3] : GRID).split(",")).map(Variant::parse)
        .toList();
    Path qrels = args.length > 4 ? Path.of(args[4])
        : BenchFiles.testQrels(data);
    Path db = keep.resolve("memory-" + choice.id() + ".sqlite");
    BeirData beir = BenchFiles.beir(data, qrels);
    Map<String, String> docOfPath = BeirData.writeMarkdown(beir.corpus(), Files.createTempDirectory("prf"));

    BenchFiles.KeptWindows kept = BenchFiles.keptWindows(db);
    List<StoredChunk> chunks = kept.chunks();
    Map<Long, Integer> row = kept.rowOfId();
    List<float[][]> windows = kept.windows().stream().map(w -> w.toArray(new float[0][])).toList();
    Map<String, Integer> rowOfHit = new HashMap<>();
    for (int i = 0; i < chunks.size(); i++) {
      StoredChunk c = chunks.get(i);
      rowOfHit.put(c.path() + ":" + c.startLine() + ":" + c.endLine(), i);
    }
    int total = windows.stream().mapToInt(w -> w.length).sum();
    System.out.printf(Locale.ROOT, "%s: %d chunks, %d window vectors, load %s%n", choice.id(), chunks.size(), total,
        Files.readString(Path.of("/proc/loadavg")).trim());

    List<String> ids = RetrievalBenchmark.judgedQueries(beir, 0);
    List<float[]> qv = queryVectors(keep, choice, beir, ids);
    SearchSettings settings = SearchSettings.defaults();
    int n = RetrievalBenchmark.CHUNK_LIMIT * settings.candidateMultiplier();
    SearchScope scope = SearchScope.allExcept(settings.isolatedSilos());
    Scorer scorer = new Scorer(chunks, windows, scope);

    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db, SqliteOptions.javaKnn())) {
      List<Query> queries = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        String text = beir.queries().get(ids.get(i));
        queries.add(new Query(ids.get(i), text, qv.get(i), index.keywordSearch(text, n, scope),
            scorer.scan(qv.get(i), n)));
      }
      Legs legs = new Legs(index);
      FixedQueryEmbedder none = new FixedQueryEmbedder(() -> Embedding.of(new float[] {1f}));
      HybridSearch hybrid = new HybridSearch(() -> legs, Optional.of(none), settings, Clock.systemUTC());
      HybridSearch vectorOnly =
          new HybridSearch(() -> legs, Optional.of(none), settings.withMode(SearchMode.VECTOR), Clock.systemUTC());
      HybridSearch keywordOnly =
          new HybridSearch(() -> legs, Optional.of(none), settings.withMode(SearchMode.KEYWORD), Clock.systemUTC());

      int nq = queries.size();
      double[][] base = new double[3][nq];
      double[][] baseRecall = new double[3][nq];
      List<List<MemoryHit>> baseHybrid = new ArrayList<>();
      List<List<String>> bm25Top = new ArrayList<>();
      double baseOverlap = 0;
      for (int i = 0; i < nq; i++) {
        Query q = queries.get(i);
        legs.set(q.keyword(), q.vector());
        HybridSearch[] three = {keywordOnly, vectorOnly, hybrid};
        for (int l = 0; l < 3; l++) {
          List<MemoryHit> hits = three[l].search(q.text(), SearchOptions.limit(RetrievalBenchmark.CHUNK_LIMIT));
          if (l == 2) {
            baseHybrid.add(hits);
          }
          List<String> ranked = ranked(hits, docOfPath);
          if (l == 0) {
            bm25Top.add(ranked.subList(0, Math.min(10, ranked.size())));
          } else if (l == 1) {
            baseOverlap += overlap(ranked, bm25Top.get(i));
          }
          base[l][i] = RetrievalMetrics.ndcg(ranked, beir.qrels().get(q.id()), 10);
          baseRecall[l][i] = RetrievalMetrics.recall(ranked, beir.qrels().get(q.id()), 100);
        }
      }
      String[] legNames = {"bm25", "vector", "hybrid"};
      for (int l = 0; l < 3; l++) {
        System.out.printf(Locale.ROOT, "%-26s %-7s nDCG@10 %.4f  Recall@100 %.4f%n", "product", legNames[l],
            mean(base[l]), mean(baseRecall[l]));
      }
      System.out.printf(Locale.ROOT, "product: top-10 documents shared by the vector and BM25 legs %.2f%n",
          baseOverlap / nq);

      for (Variant v : variants) {
        double[] vecNdcg = new double[nq];
        double[] vecRecall = new double[nq];
        double[] hybNdcg = new double[nq];
        double[] hybRecall = new double[nq];
        long legCpu = 0;
        long fuseCpu = 0;
        double shared = 0;
        for (int i = 0; i < nq; i++) {
          Query q = queries.get(i);
          long t0 = THREADS.getCurrentThreadCpuTime();
          List<Integer> feedback = new ArrayList<>();
          if (v.source().equals("hyb")) {
            for (MemoryHit h : baseHybrid.get(i)) {
              if (feedback.size() >= v.k()) {
                break;
              }
              feedback.add(rowOfHit.get(h.path() + ":" + h.startLine() + ":" + h.endLine()));
            }
          } else if (v.source().equals("bm25")) {
            for (ScoredChunk h : q.keyword().subList(0, Math.min(v.k(), q.keyword().size()))) {
              feedback.add(row.get(h.chunk().id()));
            }
          }
          float[] q2 = scorer.rocchio(q.q(), feedback, v.alpha(), v.beta());
          List<ScoredChunk> vector2;
          if (v.full()) {
            vector2 = scorer.scan(q2, n);
          } else {
            Set<Integer> candidates = new LinkedHashSet<>();
            q.keyword().forEach(h -> candidates.add(row.get(h.chunk().id())));
            q.vector().forEach(h -> candidates.add(row.get(h.chunk().id())));
            vector2 = scorer.rescore(q2, candidates, n);
          }
          long t1 = THREADS.getCurrentThreadCpuTime();
          legs.set(q.keyword(), vector2);
          List<MemoryHit> hits = hybrid.search(q.text(), SearchOptions.limit(RetrievalBenchmark.CHUNK_LIMIT));
          long t2 = THREADS.getCurrentThreadCpuTime();
          legCpu += t1 - t0;
          fuseCpu += t2 - t1;
          List<String> ranked = ranked(hits, docOfPath);
          hybNdcg[i] = RetrievalMetrics.ndcg(ranked, beir.qrels().get(q.id()), 10);
          hybRecall[i] = RetrievalMetrics.recall(ranked, beir.qrels().get(q.id()), 100);
          ranked = ranked(vectorOnly.search(q.text(), SearchOptions.limit(RetrievalBenchmark.CHUNK_LIMIT)), docOfPath);
          shared += overlap(ranked, bm25Top.get(i));
          vecNdcg[i] = RetrievalMetrics.ndcg(ranked, beir.qrels().get(q.id()), 10);
          vecRecall[i] = RetrievalMetrics.recall(ranked, beir.qrels().get(q.id()), 100);
        }
        int wins = 0;
        int losses = 0;
        for (int i = 0; i < nq; i++) {
          double d = hybNdcg[i] - base[2][i];
          wins += d > 1e-12 ? 1 : 0;
          losses += d < -1e-12 ? 1 : 0;
        }
        double[] ci = bootstrap(hybNdcg, base[2]);
        System.out.printf(Locale.ROOT,
            "%-26s vector %.4f / %.4f  hybrid %.4f / %.4f  d(hybrid nDCG@10) %+.4f [%+.4f, %+.4f] "
                + "w/l %d/%d  CPU/query: q'+leg %.3f ms, 2nd fusion %.3f ms  top-10 shared with BM25 %.2f%n",
            v.spec(), mean(vecNdcg), mean(vecRecall), mean(hybNdcg), mean(hybRecall),
            mean(hybNdcg) - mean(base[2]), ci[0], ci[1], wins, losses, legCpu / 1e6 / nq, fuseCpu / 1e6 / nq,
            shared / nq);
      }
      System.out.printf(Locale.ROOT, "load %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
    }
  }

  static List<String> ranked(List<MemoryHit> hits, Map<String, String> docOfPath) {
    return MemoryHits.bestPerPath(hits).stream().map(h -> docOfPath.get(h.path())).toList();
  }

  /** How many of the first 10 documents of {@code ranked} are in {@code top10}. */
  static int overlap(List<String> ranked, List<String> top10) {
    return (int) ranked.stream().limit(10).filter(top10::contains).count();
  }

  static double mean(double[] x) {
    return Arrays.stream(x).sum() / Math.max(1, x.length);
  }

  /** Paired bootstrap 95% interval of mean(a - b) over queries, 10,000 resamples, fixed seed. */
  static double[] bootstrap(double[] a, double[] b) {
    int n = a.length;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = a[i] - b[i];
    }
    Random r = new Random(15);
    double[] means = new double[10_000];
    for (int s = 0; s < means.length; s++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += d[r.nextInt(n)];
      }
      means[s] = sum / n;
    }
    Arrays.sort(means);
    return new double[] {means[249], means[9749]};
  }

  /** B-max scoring over the windows read from the index. */
  record Scorer(List<StoredChunk> chunks, List<float[][]> windows, SearchScope scope) {
    double score(float[] q, int c) {
      double best = Double.NEGATIVE_INFINITY;
      for (float[] w : windows.get(c)) {
        best = Math.max(best, dot(q, w));
      }
      return best;
    }

    float[] bestWindow(float[] q, int c) {
      float[] best = null;
      double top = Double.NEGATIVE_INFINITY;
      for (float[] w : windows.get(c)) {
        double d = dot(q, w);
        if (d > top) {
          top = d;
          best = w;
        }
      }
      return best;
    }

    float[] rocchio(float[] q, List<Integer> feedback, double alpha, double beta) {
      if (feedback.isEmpty() || beta == 0) {
        return q;
      }
      double[] sum = new double[q.length];
      for (int c : feedback) {
        float[] w = bestWindow(q, c);
        for (int i = 0; i < q.length; i++) {
          sum[i] += w[i];
        }
      }
      double norm = 0;
      double[] out = new double[q.length];
      for (int i = 0; i < q.length; i++) {
        out[i] = alpha * q[i] + beta * sum[i] / feedback.size();
        norm += out[i] * out[i];
      }
      norm = Math.sqrt(norm);
      float[] f = new float[q.length];
      for (int i = 0; i < q.length; i++) {
        f[i] = (float) (out[i] / norm);
      }
      return f;
    }

    List<ScoredChunk> scan(float[] q, int limit) {
      List<Integer> all = new ArrayList<>();
      for (int c = 0; c < chunks.size(); c++) {
        all.add(c);
      }
      return rescore(q, all, limit);
    }

    List<ScoredChunk> rescore(float[] q, Collection<Integer> candidates, int limit) {
      double[] score = new double[chunks.size()];
      PriorityQueue<Integer> top = new PriorityQueue<>((a, b) -> {
        int cmp = Double.compare(score[a], score[b]);
        return cmp != 0 ? cmp : Long.compare(chunks.get(b).id(), chunks.get(a).id());
      });
      for (int c : candidates) {
        if (!scope.admits(chunks.get(c).source())) {
          continue;
        }
        score[c] = score(q, c);
        if (top.size() < limit) {
          top.add(c);
        } else if (top.comparator().compare(c, top.peek()) > 0) {
          top.poll();
          top.add(c);
        }
      }
      List<ScoredChunk> out = new ArrayList<>();
      while (!top.isEmpty()) {
        int c = top.poll();
        out.add(new ScoredChunk(chunks.get(c), score[c]));
      }
      java.util.Collections.reverse(out);
      return out;
    }

    static double dot(float[] a, float[] b) {
      float d = 0;
      for (int i = 0; i < a.length; i++) {
        d += a[i] * b[i];
      }
      return d;
    }
  }

  /** The queries' vectors (embedQuery), embedded once and cached in KEEP_DIR/queries-MODEL.f32 (in `ids` order). */
  static List<float[]> queryVectors(Path keep, EmbeddingModelChoice choice, BeirData beir, List<String> ids)
      throws Exception {
    Path cache = keep.resolve("queries-" + choice.id() + ".f32");
    if (Files.exists(cache)) {
      List<float[]> v = BenchFiles.readVectors(cache);
      if (v.size() == ids.size()) {
        return v;
      }
    }
    List<float[]> out = new ArrayList<>();
    try (OnnxEmbedder embedder = OnnxEmbedders.create(choice, 32, 1)) {
      for (String id : ids) {
        out.add(embedder.embedQuery(beir.queries().get(id)).toArray());
      }
    }
    BenchFiles.writeVectors(cache, out);
    return out;
  }

  /** Returns the current query's precomputed legs; the rest (files, for the template check) from the index. */
  static final class Legs implements ReadOnlyIndex {
    private final MemoryIndex d;
    private List<ScoredChunk> keyword = List.of();
    private List<ScoredChunk> vector = List.of();

    Legs(MemoryIndex d) {
      this.d = d;
    }

    public MemoryIndex d() {
      return d;
    }

    void set(List<ScoredChunk> keyword, List<ScoredChunk> vector) {
      this.keyword = keyword;
      this.vector = vector;
    }

    @Override
    public List<ScoredChunk> keywordSearch(String text, int limit, SearchScope scope) {
      return keyword.subList(0, Math.min(limit, keyword.size()));
    }

    @Override
    public List<ScoredChunk> vectorSearch(Embedding query, int limit, SearchScope scope) {
      return vector.subList(0, Math.min(limit, vector.size()));
    }
  }
}
