package dev.localgpt.app.bench;

import dev.localgpt.adapter.postgres.PgliteServer;
import dev.localgpt.adapter.postgres.PostgresDatabase;
import dev.localgpt.adapter.postgres.PostgresMemoryIndex;
import dev.localgpt.adapter.sqlite.SqliteMemoryIndex;
import dev.localgpt.adapter.sqlite.SqliteOptions;
import dev.localgpt.core.memory.eval.Latency;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

/**
 * HNSW recall@10 on real embeddings (a benchmark, not a test): copies a SQLite index (e.g. the one
 * {@code bench retrieval --keep DIR} leaves) into PGlite through the bulk load, then searches with
 * the vectors of randomly picked chunks and compares with the exact top 10 (float brute force).
 * Arguments: the SQLite file, the number of queries.
 */
public final class PostgresRealVectorsMain {
  private PostgresRealVectorsMain() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    List<String> keys = new ArrayList<>();
    List<float[]> vectors = new ArrayList<>();
    Path installation =
        PgliteServer.installation()
            .orElseThrow(() -> new IllegalStateException(PgliteServer.missingMessage()));
    try (SqliteMemoryIndex from = SqliteMemoryIndex.open(file, SqliteOptions.javaKnn());
        PgliteServer server = PgliteServer.start(installation);
        PostgresDatabase db = PostgresDatabase.open(server.options())) {
      PostgresMemoryIndex to = PostgresMemoryIndex.open(db, "real", Set.of());
      long t0 = System.nanoTime();
      try (PostgresMemoryIndex load = to.bulkLoad()) {
        from.export(
            (f, chunks) -> {
              chunks.forEach(
                  c -> {
                    if (c.embedding() != null) {
                      keys.add(f.path() + ":" + c.startLine() + ":" + c.text());
                      vectors.add(c.embedding().toArray());
                    }
                  });
              load.replaceFile(f, chunks);
            },
            (model, batch) -> {});
      }
      double fill = (System.nanoTime() - t0) / 1e9;
      String plan = "";
      // hnsw.ef_search is max(100, 2 x limit): the top 10 of a search for 50, 100 or 200 hits is
      // the top 10 at ef_search 100, 200 or 400.
      for (int limit : new int[] {10, 100, 200}) {
        Random random = new Random(5);
        double sum = 0;
        long[] nanos = new long[queries];
        for (int q = 0; q < queries; q++) {
          float[] query = vectors.get(random.nextInt(vectors.size()));
          long t1 = System.nanoTime();
          List<ScoredChunk> hits = to.vectorSearch(Embedding.of(query), limit, SearchScope.all());
          nanos[q] = System.nanoTime() - t1;
          if (q == 0 && limit == 10) {
            plan = to.explainVectorSearch(Embedding.of(query), 10, SearchScope.all());
          }
          Set<String> found = new HashSet<>();
          hits.stream().limit(10).forEach(h -> found.add(key(h)));
          found.retainAll(exactTop10(query, keys, vectors));
          sum += found.size() / 10.0;
        }
        Latency latency = Latency.of(nanos);
        System.out.printf(
            Locale.ROOT,
            "%d real vectors (%s): bulk load %.1f s; ef_search %d: HNSW recall@10 %.3f over %d"
                + " chunk-vector queries; k-NN(%d) p50/p95 %.2f / %.2f ms%n",
            vectors.size(),
            from.embeddingModel().orElse("?"),
            fill,
            Math.max(100, 2 * limit),
            sum / queries,
            queries,
            limit,
            latency.p50Millis(),
            latency.p95Millis());
      }
      System.out.println(plan.replaceAll("\\[[-0-9.,eE]+]", "[...]"));
    }
  }

  /** File, line and text: several chunks of one long line start on the same line. */
  private static String key(ScoredChunk h) {
    return h.chunk().path() + ":" + h.chunk().startLine() + ":" + h.chunk().text();
  }

  private static Set<String> exactTop10(float[] q, List<String> keys, List<float[]> vectors) {
    PriorityQueue<double[]> best = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
    for (int i = 0; i < vectors.size(); i++) {
      float[] v = vectors.get(i);
      double dot = 0;
      double nq = 0;
      double nv = 0;
      for (int j = 0; j < v.length; j++) {
        dot += q[j] * v[j];
        nq += q[j] * q[j];
        nv += v[j] * v[j];
      }
      best.add(new double[] {dot / Math.sqrt(nq * nv), i});
      if (best.size() > 10) {
        best.poll();
      }
    }
    Set<String> top = new HashSet<>();
    best.forEach(e -> top.add(keys.get((int) e[1])));
    return top;
  }
}
