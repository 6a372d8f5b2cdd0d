package dev.localgpt.cli.commands;

import dev.localgpt.adapter.embeddings.EmbeddingBenchmark;
import dev.localgpt.adapter.embeddings.EmbeddingModelChoice;
import dev.localgpt.adapter.embeddings.OnnxEmbedder;
import dev.localgpt.adapter.sqlite.SqliteMemoryIndex;
import dev.localgpt.adapter.sqlite.SqliteOptions;
import dev.localgpt.app.wiring.MemoryComponents;
import dev.localgpt.app.wiring.MemoryStack;
import dev.localgpt.core.config.MemoryConfig;
import dev.localgpt.core.memory.HybridSearch;
import dev.localgpt.core.memory.IndexReport;
import dev.localgpt.core.memory.MarkdownChunker;
import dev.localgpt.core.memory.SearchOptions;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.SearchScope;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * {@code bench search}: hybrid query latency over synthetic chunks (random words, random unit vectors; the query
 * vector is precomputed so embedding is timed separately), the two k-NN engines alone on the same vectors, the
 * indexing rate through the memory stack beside the raw onnxruntime rate on the same texts, and a no-op re-index.
 */
final class SearchBench {
  private SearchBench() {}

  static void run(PrintWriter out, MemoryConfig base, EmbeddingModelChoice model, int chunks, int queries,
      int texts, Path corpus, int files) {
    Path dir = tempDir();
    try {
      latency(out, base, chunks, queries, dir.resolve("synthetic.sqlite"));
      indexingRate(out, base, model, texts, corpus, dir.resolve("rate"));
      noOpReindex(out, base, files, dir.resolve("noop"));
    } finally {
      BenchConfigs.deleteTree(dir);
    }
  }

  private static void latency(PrintWriter out, MemoryConfig base, int chunks, int queries, Path db) {
    Optional<Path> vec = SqliteOptions.findSqliteVec();
    SqliteOptions fill = vec.isPresent() ? SqliteOptions.defaults() : SqliteOptions.javaKnn();
    Random random = new Random(42);
    SyntheticCorpus synthetic = new SyntheticCorpus(random);
    long t0 = System.nanoTime();
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db, fill)) {
      synthetic.fill(index, chunks);
    }
    out.printf(Locale.ROOT, "%,d synthetic chunks (384-d random unit vectors, 60 random words) written in %.1f s%n",
        chunks, (System.nanoTime() - t0) / 1e9);
    List<Embedding> vectors = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      vectors.add(SyntheticCorpus.randomUnit(random));
      texts.add(synthetic.words(3));
    }
    out.printf(Locale.ROOT, "%-34s %9s %9s%n", "query (limit 10, k = 40)", "p50 ms", "p95 ms");
    try (SqliteMemoryIndex java = SqliteMemoryIndex.open(db, SqliteOptions.javaKnn())) {
      long load = System.nanoTime();
      java.vectorSearch(vectors.get(0), 40, SearchScope.all());
      out.printf(Locale.ROOT, "  (java k-NN first query, loads the vectors: %.0f ms)%n",
          (System.nanoTime() - load) / 1e6);
      hybrid(out, "hybrid, java k-NN", java, vectors, texts, base);
      Timing.report(out, "java k-NN alone", queries, i -> java.vectorSearch(vectors.get(i), 40, SearchScope.all()));
    }
    if (vec.isPresent()) {
      try (SqliteMemoryIndex vec0 = SqliteMemoryIndex.open(db, SqliteOptions.defaults())) {
        hybrid(out, "hybrid, sqlite-vec k-NN", vec0, vectors, texts, base);
        Timing.report(out, "sqlite-vec k-NN alone", queries,
            i -> vec0.vectorSearch(vectors.get(i), 40, SearchScope.all()));
        Timing.report(out, "bm25 alone (3 words)", queries,
            i -> vec0.keywordSearch(texts.get(i), 40, SearchScope.all()));
      }
    } else {
      out.println("  sqlite-vec not found (run adapter-sqlite/fetch-sqlite-vec.sh): only the Java k-NN measured");
    }
  }

  private static void hybrid(PrintWriter out, String label, SqliteMemoryIndex index, List<Embedding> vectors,
      List<String> texts, MemoryConfig base) {
    int[] current = new int[1];
    FixedQueryEmbedder embedder = new FixedQueryEmbedder(() -> vectors.get(current[0]));
    HybridSearch search = new HybridSearch(() -> index, Optional.of(embedder),
        MemoryComponents.searchSettings(base), Clock.systemUTC());
    IntConsumer query = i -> {
      current[0] = i;
      search.search(texts.get(i), SearchOptions.limit(10));
    };
    Timing.report(out, label, vectors.size(), query);
  }

  private static void indexingRate(PrintWriter out, MemoryConfig base, EmbeddingModelChoice model, int count,
      Path corpus, Path dir) {
    if (!Files.isRegularFile(corpus)) {
      out.println("indexing rate: skipped, no corpus at " + corpus + " (pass --corpus)");
      return;
    }
    List<String> docs = EmbeddingBenchmark.readBeirCorpus(corpus, count);
    Path workspace = dir.resolve("workspace");
    List<BeirData.Doc> asDocs = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      asDocs.add(new BeirData.Doc(Integer.toString(i), "", docs.get(i)));
    }
    RetrievalBench.write(asDocs, workspace);
    MemoryConfig config = BenchConfigs.withProvider(BenchConfigs.withWorkspace(base, workspace), "local");
    try (MemoryStack stack = MemoryComponents.memory(dir.resolve("memory.sqlite"), config, Optional.of(model))) {
      OnnxEmbedder embedder = stack.embedder().orElseThrow();
      MarkdownChunker chunker = new MarkdownChunker(MemoryComponents.chunker(config));
      List<String> chunkTexts = new ArrayList<>();
      for (int i = 0; i < asDocs.size(); i++) {
        chunker.chunk("docs/d" + i + ".md", asDocs.get(i).text() + "\n").forEach(c -> chunkTexts.add(c.text()));
      }
      // The same warm-up as the raw measurement gets (one batch of these texts), so neither pays for JIT alone.
      embedder.embed(chunkTexts.subList(0, Math.min(chunkTexts.size(), config.embeddingBatchSize())));
      IndexReport report = stack.service().index();
      double indexRate = report.embedded() / (report.duration().toNanos() / 1e9);
      double raw = EmbeddingBenchmark.rawTextsPerSecond(embedder, chunkTexts, config.embeddingBatchSize());
      out.printf(Locale.ROOT, "%nindexing %d docs (%d chunks, %d embedded) with %s, batch %d:%n", docs.size(),
          report.chunks(), report.embedded(), model.id(), config.embeddingBatchSize());
      out.printf(Locale.ROOT, "  through MemoryService %.1f texts/s, raw onnxruntime %.1f texts/s on the same "
          + "%d texts: ratio %.2f%n", indexRate, raw, chunkTexts.size(), indexRate / raw);
    }
  }

  private static void noOpReindex(PrintWriter out, MemoryConfig base, int files, Path dir) {
    Path workspace = dir.resolve("workspace");
    SyntheticCorpus.writeFiles(workspace, files, new Random(7));
    MemoryConfig config = BenchConfigs.withProvider(BenchConfigs.withWorkspace(base, workspace), "none");
    try (MemoryStack stack = MemoryComponents.memory(dir.resolve("memory.sqlite"), config, Optional.empty())) {
      IndexReport first = stack.service().index();
      IndexReport second = stack.service().index();
      out.printf(Locale.ROOT, "%nre-index of %d unchanged files: %.0f ms (first index %.1f s, keyword only; "
              + "%d files unchanged)%n", files, second.duration().toNanos() / 1e6,
          first.duration().toNanos() / 1e9, second.filesUnchanged());
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("localgpt-bench-search");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory: " + e.getMessage(), e);
    }
  }
}
