package dev.localgpt.core.memory.eval;

import dev.localgpt.core.memory.HybridSearch;
import dev.localgpt.core.memory.MemoryHit;
import dev.localgpt.core.memory.MemoryHits;
import dev.localgpt.core.memory.QueryEmbeddingCache;
import dev.localgpt.core.memory.SearchOptions;
import dev.localgpt.core.memory.SearchSettings;
import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.memory.MemoryIndex;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The retrieval benchmark over an index that already holds a BEIR corpus (written by {@link
 * BeirData#writeMarkdown} and indexed): runs every judged query once per leg (BM25, vector, then
 * each hybrid variant) and computes nDCG@10 and Recall@100 per leg. A document scores as its best
 * chunk. Each query is embedded once for all legs.
 */
public final class RetrievalBenchmark {
  /**
   * Chunks fetched per query: enough distinct documents for Recall@100 when long documents have
   * several chunks.
   */
  public static final int CHUNK_LIMIT = 100;

  /** One row of the results table. */
  public record Row(String leg, double ndcg10, double recall100, double p50Millis) {}

  /** What a run measured: the corpus, how long indexing took, and one row per leg. */
  public record Result(int docs, int chunks, double indexSeconds, int queries, List<Row> rows) {
    public Result {
      rows = List.copyOf(rows);
    }
  }

  private RetrievalBenchmark() {}

  /**
   * The judged queries that have a text, in qrels order; the first {@code limit} of them ({@code
   * 0}: all).
   */
  public static List<String> judgedQueries(BeirData data, int limit) {
    List<String> ids = new ArrayList<>();
    for (String q : data.qrels().keySet()) {
      if (data.queries().containsKey(q) && (limit <= 0 || ids.size() < limit)) {
        ids.add(q);
      }
    }
    return ids;
  }

  /**
   * Evaluates the legs.
   *
   * @param docOfPath index path to document id, as {@link BeirData#writeMarkdown} returned it
   * @param configured the search settings the legs start from
   * @param legDump when present, the raw leg candidates are written there as TSV ({@link LegDump})
   */
  public static List<Row> evaluate(
      BeirData data,
      Map<String, String> docOfPath,
      MemoryIndex index,
      Embedder embedder,
      SearchSettings configured,
      List<FusionSpec> hybrids,
      List<String> queryIds,
      Optional<Path> legDump) {
    // room for every query, so each is embedded once for all the legs
    Embedder queries = new QueryEmbeddingCache(embedder, Math.max(1, queryIds.size()));
    for (String id : queryIds) {
      queries.embedQuery(data.queries().get(id));
    }
    legDump.ifPresent(
        file ->
            LegDump.write(
                file,
                index,
                queries,
                data.queries(),
                queryIds,
                docOfPath,
                CHUNK_LIMIT * configured.candidateMultiplier()));
    List<FusionSpec> legs = new ArrayList<>(List.of(FusionSpec.BM25, FusionSpec.VECTOR));
    legs.addAll(hybrids);
    List<Row> rows = new ArrayList<>();
    for (FusionSpec leg : legs) {
      HybridSearch search =
          new HybridSearch(
              () -> index, Optional.of(queries), leg.apply(configured), Clock.systemUTC());
      rows.add(row(leg.label(), search, data, queryIds, docOfPath));
    }
    return rows;
  }

  private static Row row(
      String label,
      HybridSearch search,
      BeirData data,
      List<String> queryIds,
      Map<String, String> docOfPath) {
    double ndcg = 0;
    double recall = 0;
    long[] nanos = new long[queryIds.size()];
    int i = 0;
    for (String q : queryIds) {
      long t = System.nanoTime();
      List<MemoryHit> hits = search.search(data.queries().get(q), SearchOptions.limit(CHUNK_LIMIT));
      nanos[i++] = System.nanoTime() - t;
      List<String> ranked =
          MemoryHits.bestPerPath(hits).stream().map(h -> docOfPath.get(h.path())).toList();
      ndcg += RetrievalMetrics.ndcg(ranked, data.qrels().get(q), 10);
      recall += RetrievalMetrics.recall(ranked, data.qrels().get(q), 100);
    }
    int n = Math.max(1, queryIds.size());
    return new Row(label, ndcg / n, recall / n, Latency.of(nanos).p50Millis());
  }
}
