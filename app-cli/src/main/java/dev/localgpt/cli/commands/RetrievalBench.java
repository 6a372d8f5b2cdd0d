package dev.localgpt.cli.commands;

import dev.localgpt.adapter.embeddings.EmbeddingModelChoice;
import dev.localgpt.adapter.sqlite.SqliteMemoryIndex;
import dev.localgpt.app.wiring.MemoryComponents;
import dev.localgpt.app.wiring.MemoryStack;
import dev.localgpt.core.config.MemoryConfig;
import dev.localgpt.core.memory.HybridSearch;
import dev.localgpt.core.memory.IndexReport;
import dev.localgpt.core.memory.MemoryHit;
import dev.localgpt.core.memory.MemoryHits;
import dev.localgpt.core.memory.SearchOptions;
import dev.localgpt.core.memory.SearchSettings;
import dev.localgpt.ports.embedding.Embedder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bench retrieval}: writes a BEIR corpus as Markdown files into a temporary workspace, indexes it through the
 * same {@link MemoryStack} a user's workspace goes through, then runs every judged query once per leg (BM25, vector,
 * and each hybrid variant) and prints nDCG@10 and Recall@100 per leg. A document scores as its best chunk.
 */
final class RetrievalBench {
  /** Chunks fetched per query: enough distinct documents for Recall@100 when long documents have several chunks. */
  static final int CHUNK_LIMIT = 100;

  /** One row of the table. */
  record Row(String leg, double ndcg10, double recall100, double p50Millis) {}

  /** What the run measured. */
  record Result(int docs, int chunks, double indexSeconds, int queries, List<Row> rows) {}

  private RetrievalBench() {}

  static Result run(BeirData data, EmbeddingModelChoice model, MemoryConfig base, List<FusionSpec> hybrids,
      int limitQueries, PrintWriter log) {
    return run(data, model, base, hybrids, limitQueries, log, Optional.empty());
  }

  /**
   * As above; with {@code keep} the workspace and index live in that folder and survive the run, so a second run
   * with the same folder and model re-indexes nothing (unchanged files are skipped) and only measures the legs.
   */
  static Result run(BeirData data, EmbeddingModelChoice model, MemoryConfig base, List<FusionSpec> hybrids,
      int limitQueries, PrintWriter log, Optional<Path> keep) {
    Path dir = keep.map(RetrievalBench::folder).orElseGet(RetrievalBench::temp);
    try {
      Path workspace = dir.resolve("workspace");
      Map<String, String> docOfPath = write(data.corpus(), workspace);
      MemoryConfig config = BenchConfigs.withWorkspace(base, workspace);
      Path db = dir.resolve("memory-" + safe(model.id()) + ".sqlite");
      IndexReport report;
      try (MemoryStack stack = MemoryComponents.memory(db, config, Optional.of(model))) {
        stack.embedder().orElseThrow().embed(List.of("warm-up text that is not in the corpus"));
        log.printf(Locale.ROOT, "indexing %d documents with %s ...%n", data.corpus().size(), model.id());
        log.flush();
        report = stack.service().index(false, new ProgressBar(log, false));
        List<String> queryIds = new ArrayList<>();
        for (String q : data.qrels().keySet()) {
          if (data.queries().containsKey(q) && (limitQueries <= 0 || queryIds.size() < limitQueries)) {
            queryIds.add(q);
          }
        }
        List<Row> rows = new ArrayList<>();
        try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db, MemoryComponents.sqliteOptions(config))) {
          Embedder queries = new QueryCache(stack.embedder().orElseThrow());
          SearchSettings configured = MemoryComponents.searchSettings(config);
          for (String id : queryIds) {
            queries.embed(List.of(data.queries().get(id)));
          }
          if (keep.isPresent()) {
            LegDump.write(dir.resolve("legs-" + safe(model.id()) + ".tsv"), index, queries, data.queries(), queryIds,
                docOfPath, CHUNK_LIMIT * configured.candidateMultiplier());
          }
          List<FusionSpec> legs = new ArrayList<>(List.of(FusionSpec.BM25, FusionSpec.VECTOR));
          legs.addAll(hybrids);
          for (FusionSpec leg : legs) {
            HybridSearch search = new HybridSearch(() -> index, Optional.of(queries), leg.apply(configured),
                Clock.systemUTC());
            rows.add(evaluate(leg.label(), search, data, queryIds, docOfPath));
          }
        }
        double seconds = report.duration().toNanos() / 1e9;
        return new Result(data.corpus().size(), report.chunks(), seconds, queryIds.size(), rows);
      }
    } finally {
      if (keep.isEmpty()) {
        BenchConfigs.deleteTree(dir);
      }
    }
  }

  private static String safe(String id) {
    return id.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private static Path folder(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Row evaluate(String label, HybridSearch search, BeirData data, List<String> queryIds,
      Map<String, String> docOfPath) {
    double ndcg = 0;
    double recall = 0;
    long[] nanos = new long[queryIds.size()];
    int i = 0;
    for (String q : queryIds) {
      long t = System.nanoTime();
      List<MemoryHit> hits = search.search(data.queries().get(q), SearchOptions.limit(CHUNK_LIMIT));
      nanos[i++] = System.nanoTime() - t;
      List<String> ranked = MemoryHits.bestPerPath(hits).stream().map(h -> docOfPath.get(h.path())).toList();
      ndcg += RetrievalMetrics.ndcg(ranked, data.qrels().get(q), 10);
      recall += RetrievalMetrics.recall(ranked, data.qrels().get(q), 100);
    }
    Arrays.sort(nanos);
    int n = Math.max(1, queryIds.size());
    return new Row(label, ndcg / n, recall / n, nanos.length == 0 ? 0 : nanos[nanos.length / 2] / 1e6);
  }

  /** Writes each document as {@code docs/d<n>.md} ({@code # title}, blank line, text); returns path → doc id. */
  static Map<String, String> write(List<BeirData.Doc> corpus, Path workspace) {
    Map<String, String> docOfPath = new HashMap<>();
    try {
      Files.createDirectories(workspace.resolve("docs"));
      int n = 0;
      for (BeirData.Doc d : corpus) {
        String path = "docs/d" + n++ + ".md";
        String body = d.title().isBlank() ? d.text() + "\n" : "# " + d.title().strip() + "\n\n" + d.text() + "\n";
        Files.writeString(workspace.resolve(path), body, StandardCharsets.UTF_8);
        docOfPath.put(path, d.id());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the benchmark workspace: " + e.getMessage(), e);
    }
    return docOfPath;
  }

  static void print(PrintWriter out, Result r, String model, String backend) {
    out.printf(Locale.ROOT, "%d documents -> %d chunks, indexed in %.1f s (%.1f docs/s, %.1f chunks/s), model %s, "
            + "vector backend %s%n", r.docs(), r.chunks(), r.indexSeconds(), r.docs() / r.indexSeconds(),
        r.chunks() / r.indexSeconds(), model, backend);
    out.printf(Locale.ROOT, "%d queries evaluated%n%n", r.queries());
    out.printf(Locale.ROOT, "%-28s %8s %11s %12s%n", "leg", "nDCG@10", "Recall@100", "p50 ms/query");
    for (Row row : r.rows()) {
      out.printf(Locale.ROOT, "%-28s %8.4f %11.4f %12.2f%n", row.leg(), row.ndcg10(), row.recall100(),
          row.p50Millis());
    }
  }

  private static Path temp() {
    try {
      return Files.createTempDirectory("localgpt-bench");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }
}
