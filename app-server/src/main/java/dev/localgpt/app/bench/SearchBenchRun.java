package dev.localgpt.app.bench;

import dev.localgpt.adapter.embeddings.EmbeddingModelChoice;
import dev.localgpt.adapter.embeddings.OnnxEmbedder;
import dev.localgpt.adapter.embeddings.OnnxThroughput;
import dev.localgpt.adapter.sqlite.SqliteMemoryIndex;
import dev.localgpt.adapter.sqlite.SqliteOptions;
import dev.localgpt.app.wiring.MemoryComponents;
import dev.localgpt.app.wiring.MemoryStack;
import dev.localgpt.core.config.MemoryConfig;
import dev.localgpt.core.memory.IndexReport;
import dev.localgpt.core.memory.MarkdownChunker;
import dev.localgpt.core.memory.SearchSettings;
import dev.localgpt.core.memory.eval.BeirData;
import dev.localgpt.core.memory.eval.SearchLatency;
import dev.localgpt.core.memory.eval.SyntheticCorpus;
import dev.localgpt.core.memory.eval.Timing;
import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * {@code bench search} over the real adapters, in three parts that each use a scratch folder of
 * their own: query latency (chunks of a real corpus or synthetic prose with random vectors, real or
 * synthetic query texts, the query embedded by the real model) with the Java k-NN and (when found)
 * sqlite-vec on the same SQLite file, the indexing rate through the memory stack beside the raw
 * onnxruntime rate on the same texts, and a no-op re-index.
 */
public final class SearchBenchRun {
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private SearchBenchRun() {}

  /** One timed row. */
  public record Leg(String label, Timing timing) {}

  /**
   * @param corpus where the chunk texts came from ({@code synthetic} or a corpus file)
   * @param queries where the query texts came from, and how many
   * @param limit hits per hybrid query; each leg alone fetches {@code candidates}
   * @param fillSeconds time to write the chunks
   * @param javaFirstQueryMillis the Java k-NN's first query, which loads the vectors
   * @param model the model embedding the queries, or empty when {@code embedding_provider = "none"}
   * @param sqliteVecFound whether sqlite-vec was found (else only the Java k-NN is measured)
   * @param int8Scan how the Java k-NN's int8 scan ran ({@link SqliteMemoryIndex#int8Scan()})
   * @param keywordIndex the in-memory keyword index that answered the {@code [java]} rows: its
   *     size, build time and the heap it took ({@link SqliteMemoryIndex#keywordPath()})
   */
  public record LatencyReport(
      int chunks,
      String corpus,
      String queries,
      int limit,
      int candidates,
      double fillSeconds,
      double javaFirstQueryMillis,
      Optional<String> model,
      List<Leg> legs,
      boolean sqliteVecFound,
      String int8Scan,
      String keywordIndex) {
    public LatencyReport {
      legs = List.copyOf(legs);
    }
  }

  /**
   * What to time: {@code chunks} chunks with random vectors whose texts are {@code chunkTexts} in
   * turn (synthetic prose when empty), and {@code queryTexts} (synthetic questions when empty) at
   * the hit limit {@code limit}.
   *
   * @param runs timed queries (query texts are taken in turn)
   */
  public record LatencyPlan(
      int chunks,
      List<String> chunkTexts,
      String corpusName,
      List<String> queryTexts,
      String queriesName,
      int runs,
      int limit) {
    public LatencyPlan {
      chunkTexts = List.copyOf(chunkTexts);
      queryTexts = List.copyOf(queryTexts);
    }
  }

  /**
   * Hybrid and single-leg latency: with precomputed query vectors, and with {@code embedder}
   * embedding each query.
   */
  public static LatencyReport latency(
      MemoryConfig base, LatencyPlan plan, Optional<? extends Embedder> embedder) {
    Path dir = BenchConfigs.tempDir("localgpt-bench-search");
    try {
      Path db = dir.resolve("synthetic.sqlite");
      Optional<Path> vec = SqliteOptions.findSqliteVec();
      SqliteOptions fill = vec.isPresent() ? SqliteOptions.defaults() : SqliteOptions.javaKnn();
      Random random = new Random(42);
      SyntheticCorpus synthetic = new SyntheticCorpus(random);
      long t0 = System.nanoTime();
      try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db, fill)) {
        if (plan.chunkTexts().isEmpty()) {
          synthetic.fill(index, plan.chunks());
        } else {
          synthetic.fill(index, plan.chunks(), plan.chunkTexts());
        }
      }
      double fillSeconds = (System.nanoTime() - t0) / 1e9;
      List<Embedding> vectors = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < plan.runs(); i++) {
        vectors.add(SyntheticCorpus.randomUnit(random));
        texts.add(
            plan.queryTexts().isEmpty()
                ? synthetic.question()
                : plan.queryTexts().get(i % plan.queryTexts().size()));
      }
      SearchSettings settings = MemoryComponents.searchSettings(base);
      List<Leg> legs = new ArrayList<>();
      double first;
      int candidates;
      String keywordIndex;
      try (SqliteMemoryIndex java = SqliteMemoryIndex.open(db, SqliteOptions.javaKnn())) {
        // The keyword leg both ways on the same file, interleaved: FTS5 ([fts5]) and the in-memory
        // index with FTS5's scores ([java]).
        java.useJavaKeywords(false);
        SearchLatency timer = new SearchLatency(java, settings, plan.limit());
        candidates = timer.candidates();
        first = timer.firstVectorQueryMillis(vectors.get(0));
        legs.add(new Leg("bm25 alone [" + path(java) + "]", timer.keyword(texts)));
        keywordIndex = buildKeywordIndex(java);
        legs.add(new Leg("bm25 alone [" + path(java) + "]", timer.keyword(texts)));
        legs.add(new Leg("java k-NN alone", timer.vector(vectors)));
        java.useJavaKeywords(false);
        legs.add(new Leg("hybrid, given vector [fts5]", timer.hybrid(vectors, texts)));
        java.useJavaKeywords(true);
        legs.add(new Leg("hybrid, given vector [java]", timer.hybrid(vectors, texts)));
        if (embedder.isPresent()) {
          legs.add(
              new Leg("query embedding alone", SearchLatency.embedding(embedder.get(), texts)));
          java.useJavaKeywords(false);
          legs.add(new Leg("hybrid, embedding [fts5]", timer.hybrid(embedder.get(), texts)));
          java.useJavaKeywords(true);
          legs.add(new Leg("hybrid, embedding [java]", timer.hybrid(embedder.get(), texts)));
        }
        java.useJavaKeywords(false);
        legs.add(new Leg("bm25 alone, again [fts5]", timer.keyword(texts)));
        java.useJavaKeywords(true);
        legs.add(new Leg("bm25 alone, again [" + path(java) + "]", timer.keyword(texts)));
      }
      if (vec.isPresent()) {
        try (SqliteMemoryIndex vec0 = SqliteMemoryIndex.open(db, SqliteOptions.defaults())) {
          vec0.buildKeywordIndex();
          SearchLatency timer = new SearchLatency(vec0, settings, plan.limit());
          legs.add(new Leg("sqlite-vec k-NN alone", timer.vector(vectors)));
          legs.add(
              new Leg(
                  "hybrid, sqlite-vec, given vector [" + path(vec0) + "]",
                  timer.hybrid(vectors, texts)));
        }
      }
      String queries =
          (plan.queryTexts().isEmpty() ? "synthetic questions" : plan.queriesName())
              + ", "
              + plan.runs()
              + " timed";
      return new LatencyReport(
          plan.chunks(),
          plan.corpusName(),
          queries,
          plan.limit(),
          candidates,
          fillSeconds,
          first,
          embedder.map(Embedder::modelId),
          legs,
          vec.isPresent(),
          SqliteMemoryIndex.int8Scan(),
          keywordIndex);
    } finally {
      BenchConfigs.deleteTree(dir);
    }
  }

  /** {@code fts5} or {@code java}: which keyword path answers {@code index}'s searches now. */
  private static String path(SqliteMemoryIndex index) {
    return index.keywordPath().startsWith("java") ? "java" : "fts5";
  }

  /**
   * Builds {@code index}'s in-memory keyword index now and describes it, with the heap it took
   * measured around the build (after a GC each side).
   */
  private static String buildKeywordIndex(SqliteMemoryIndex index) {
    index.useJavaKeywords(true);
    long before = usedHeapAfterGc();
    long t0 = System.nanoTime();
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    String built = index.buildKeywordIndex();
    double wallMs = (System.nanoTime() - t0) / 1e6;
    double cpuMs = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6;
    long after = usedHeapAfterGc();
    return String.format(
        java.util.Locale.ROOT,
        "%s; build %.0f ms wall, %.0f ms CPU; heap +%.1f MB measured",
        built,
        wallMs,
        cpuMs,
        (after - before) / 1e6);
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  /**
   * The chunks the product's chunker makes of {@code docs}, each written as one note (as in {@code
   * bench retrieval}).
   */
  public static List<String> chunkTexts(MemoryConfig config, List<String> docs) {
    MarkdownChunker chunker = new MarkdownChunker(MemoryComponents.chunker(config));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      chunker
          .chunk("docs/d" + i + ".md", "# " + docs.get(i) + "\n")
          .forEach(c -> out.add(c.text()));
    }
    return out;
  }

  /**
   * Indexing {@code docs} documents ({@code chunks} chunks) through the memory service and raw
   * onnxruntime.
   */
  public record RateReport(
      String model,
      int docs,
      int chunks,
      int embedded,
      int batchSize,
      int texts,
      double indexTextsPerSecond,
      double rawTextsPerSecond) {
    /** {@code index / raw}: 1.0 means the memory stack adds nothing to the model. */
    public double ratio() {
      return indexTextsPerSecond / rawTextsPerSecond;
    }
  }

  /** The second of two keyword-only index runs over {@code files} unchanged files. */
  public record NoOpReport(int files, double firstSeconds, double secondMillis, int unchanged) {}

  /**
   * Indexes {@code texts} (one document each) with {@code model}, then runs raw onnxruntime on the
   * same chunks.
   */
  public static RateReport indexingRate(
      MemoryConfig base, EmbeddingModelChoice model, List<String> texts) {
    Path dir = BenchConfigs.tempDir("localgpt-bench-rate");
    try {
      Path workspace = dir.resolve("workspace");
      List<BeirData.Doc> docs = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        docs.add(new BeirData.Doc(Integer.toString(i), "", texts.get(i)));
      }
      BeirData.writeMarkdown(docs, workspace);
      MemoryConfig config =
          BenchConfigs.withProvider(BenchConfigs.withWorkspace(base, workspace), "local");
      try (MemoryStack stack =
          MemoryComponents.memory(dir.resolve("memory.sqlite"), config, Optional.of(model))) {
        OnnxEmbedder embedder = stack.embedder().orElseThrow();
        MarkdownChunker chunker = new MarkdownChunker(MemoryComponents.chunker(config));
        List<String> chunkTexts = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
          chunker
              .chunk("docs/d" + i + ".md", docs.get(i).text() + "\n")
              .forEach(c -> chunkTexts.add(c.text()));
        }
        // The same warm-up as the raw measurement gets (one batch of these texts), so neither pays
        // for JIT alone.
        int batch = config.embeddingBatchSize();
        embedder.embed(chunkTexts.subList(0, Math.min(chunkTexts.size(), batch)));
        IndexReport report = stack.service().index();
        double indexRate = report.embedded() / (report.duration().toNanos() / 1e9);
        double raw = OnnxThroughput.rawTextsPerSecond(embedder, chunkTexts, batch);
        return new RateReport(
            model.id(),
            docs.size(),
            report.chunks(),
            report.embedded(),
            batch,
            chunkTexts.size(),
            indexRate,
            raw);
      }
    } finally {
      BenchConfigs.deleteTree(dir);
    }
  }

  /**
   * Writes {@code files} small notes, indexes them keyword-only, then times a second run that finds
   * nothing new.
   */
  public static NoOpReport noOpReindex(MemoryConfig base, int files) {
    Path dir = BenchConfigs.tempDir("localgpt-bench-noop");
    try {
      Path workspace = dir.resolve("workspace");
      SyntheticCorpus.writeFiles(workspace, files, new Random(7));
      MemoryConfig config =
          BenchConfigs.withProvider(BenchConfigs.withWorkspace(base, workspace), "none");
      try (MemoryStack stack =
          MemoryComponents.memory(dir.resolve("memory.sqlite"), config, Optional.empty())) {
        IndexReport first = stack.service().index();
        IndexReport second = stack.service().index();
        return new NoOpReport(
            files,
            first.duration().toNanos() / 1e9,
            second.duration().toNanos() / 1e6,
            second.filesUnchanged());
      }
    } finally {
      BenchConfigs.deleteTree(dir);
    }
  }
}
