package dev.localgpt.cli.commands;

import dev.localgpt.adapter.embeddings.OnnxThroughput;
import dev.localgpt.app.bench.SearchBenchRun;
import dev.localgpt.core.memory.eval.Latency;
import dev.localgpt.core.memory.eval.RetrievalBenchmark;
import java.io.PrintWriter;
import java.util.Locale;

/** The tables of {@code localgpt bench}. */
final class BenchOutput {
  private BenchOutput() {}

  static void retrieval(
      PrintWriter out, RetrievalBenchmark.Result r, String model, String backend) {
    out.printf(
        Locale.ROOT,
        "%d documents -> %d chunks, indexed in %.1f s (%.1f docs/s, %.1f chunks/s), model %s, "
            + "vector backend %s%n",
        r.docs(),
        r.chunks(),
        r.indexSeconds(),
        r.docs() / r.indexSeconds(),
        r.chunks() / r.indexSeconds(),
        model,
        backend);
    out.printf(Locale.ROOT, "%d queries evaluated%n%n", r.queries());
    out.printf(
        Locale.ROOT, "%-28s %8s %11s %12s%n", "leg", "nDCG@10", "Recall@100", "p50 ms/query");
    for (RetrievalBenchmark.Row row : r.rows()) {
      out.printf(
          Locale.ROOT,
          "%-28s %8.4f %11.4f %12.2f%n",
          row.leg(),
          row.ndcg10(),
          row.recall100(),
          row.p50Millis());
    }
    out.flush();
  }

  static void latency(PrintWriter out, SearchBenchRun.LatencyReport r) {
    out.printf(
        Locale.ROOT,
        "%,d chunks from %s (random 384-d vectors) written in %.1f s%n",
        r.chunks(),
        r.corpus(),
        r.fillSeconds());
    out.printf(
        Locale.ROOT,
        "queries: %s; limit %d, %d candidates per leg; query embedding: %s%n",
        r.queries(),
        r.limit(),
        r.candidates(),
        r.model().orElse("none (embedding_provider = \"none\")"));
    out.printf(
        Locale.ROOT,
        "%-34s %9s %9s %9s %11s %11s %13s%n",
        "query",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "cpu p50 ms",
        "cpu p99 ms",
        "proc cpu/q ms");
    out.printf(
        Locale.ROOT,
        "  (java k-NN first query, loads the vectors: %.0f ms; int8 scan: %s)%n",
        r.javaFirstQueryMillis(),
        r.int8Scan());
    out.printf(
        Locale.ROOT,
        "  (keyword leg: [fts5] FTS5, [java] in-memory index: %s)%n",
        r.keywordIndex());
    for (SearchBenchRun.Leg leg : r.legs()) {
      Latency wall = leg.timing().wall();
      out.printf(
          Locale.ROOT,
          "%-34s %9.2f %9.2f %9.2f %11.2f %11.2f %13.2f%n",
          leg.label(),
          wall.p50Millis(),
          wall.p95Millis(),
          wall.p99Millis(),
          leg.timing().cpu().p50Millis(),
          leg.timing().cpu().p99Millis(),
          leg.timing().processCpuMeanMillis());
    }
    if (!r.sqliteVecFound()) {
      out.println(
          "  sqlite-vec not found (run adapter-sqlite/fetch-sqlite-vec.sh): only the Java k-NN measured");
    }
    out.flush();
  }

  static void rate(PrintWriter out, SearchBenchRun.RateReport r) {
    out.printf(
        Locale.ROOT,
        "%nindexing %d docs (%d chunks, %d embedded) with %s, batch %d:%n",
        r.docs(),
        r.chunks(),
        r.embedded(),
        r.model(),
        r.batchSize());
    out.printf(
        Locale.ROOT,
        "  through MemoryService %.1f texts/s, raw onnxruntime %.1f texts/s on the same "
            + "%d texts: ratio %.2f%n",
        r.indexTextsPerSecond(),
        r.rawTextsPerSecond(),
        r.texts(),
        r.ratio());
    out.flush();
  }

  static void noOp(PrintWriter out, SearchBenchRun.NoOpReport r) {
    out.printf(
        Locale.ROOT,
        "%nre-index of %d unchanged files: %.0f ms (first index %.1f s, keyword only; "
            + "%d files unchanged)%n",
        r.files(),
        r.secondMillis(),
        r.firstSeconds(),
        r.unchanged());
    out.flush();
  }

  static void embeddingsHeader(PrintWriter out, int texts, String corpus, int batch, int rounds) {
    out.printf(
        Locale.ROOT,
        "%d texts from %s, batch %d, %d threads, best of %d rounds%n",
        texts,
        corpus,
        batch,
        Runtime.getRuntime().availableProcessors(),
        rounds);
    out.printf(
        Locale.ROOT, "%-22s %12s %14s %7s%n", "model", "raw texts/s", "embed texts/s", "ratio");
    out.flush();
  }

  static void embeddings(PrintWriter out, OnnxThroughput.Result r) {
    out.printf(
        Locale.ROOT,
        "%-22s %12.1f %14.1f %7.3f%n",
        r.modelId(),
        r.rawTextsPerSecond(),
        r.embedderTextsPerSecond(),
        r.ratio());
    out.flush();
  }
}
