package dev.localgpt.app.bench;

import dev.localgpt.adapter.postgres.PostgresDatabase;
import dev.localgpt.adapter.postgres.PostgresMemoryIndex;
import dev.localgpt.adapter.postgres.PostgresOptions;
import dev.localgpt.adapter.sqlite.SqliteMemoryIndex;
import dev.localgpt.adapter.sqlite.SqliteOptions;
import dev.localgpt.app.wiring.MemoryComponents;
import dev.localgpt.core.config.MemoryConfig;
import dev.localgpt.core.memory.SearchSettings;
import dev.localgpt.core.memory.eval.Latency;
import dev.localgpt.core.memory.eval.SearchLatency;
import dev.localgpt.core.memory.eval.SyntheticCorpus;
import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * SQLite against PostgreSQL in one run, on the same synthetic corpus as {@code bench search}
 * (200-word chunks, random 384-d unit vectors, ten chunks per file): fill time (indexing rate;
 * PostgreSQL through the adapter's bulk load, which builds the HNSW index once at the end), hybrid
 * p50/p95 on each, pgvector's k-NN and {@code ts_rank} alone, and HNSW recall@10 against the exact
 * k-NN (SQLite's Java brute force) with the plan of the adapter's k-NN statement. Random 384-d
 * vectors are HNSW's worst case, so the same count of clustered vectors (as real embeddings are)
 * goes into a second workspace, and its recall@10 and k-NN p50 are measured against the exact top
 * 10 computed here.
 */
public final class PostgresBenchRun {
  private PostgresBenchRun() {}

  /** One run's figures. */
  public record Report(
      int chunks,
      int queries,
      double sqliteFillSeconds,
      double postgresFillSeconds,
      Latency sqliteHybrid,
      Latency postgresHybrid,
      Latency postgresVector,
      Latency postgresKeyword,
      double recallAt10,
      double clusteredFillSeconds,
      double clusteredRecallAt10,
      Latency clusteredVector,
      String plan) {
    public double sqliteChunksPerSecond() {
      return chunks / sqliteFillSeconds;
    }

    public double postgresChunksPerSecond() {
      return chunks / postgresFillSeconds;
    }
  }

  /** Hits per hybrid query (each leg alone fetches 4 × as many candidates). */
  static final int LIMIT = 10;

  /** Fills both stores with {@code chunks} chunks and times {@code queries} queries on each. */
  public static Report run(
      PostgresOptions options, String workspace, MemoryConfig base, int chunks, int queries) {
    Path dir = BenchConfigs.tempDir("localgpt-bench-postgres");
    Random random = new Random(7);
    SyntheticCorpus words = new SyntheticCorpus(new Random(8));
    List<Embedding> vectors = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      vectors.add(SyntheticCorpus.randomUnit(random));
      texts.add(words.words(3));
    }
    SearchSettings settings = MemoryComponents.searchSettings(base);
    try (SqliteMemoryIndex sqlite =
            SqliteMemoryIndex.open(dir.resolve("bench.sqlite"), SqliteOptions.javaKnn());
        PostgresDatabase db = PostgresDatabase.open(options)) {
      PostgresMemoryIndex postgres = PostgresMemoryIndex.open(db, workspace, Set.of());
      postgres.clear();
      double sqliteFill = fill(sqlite, chunks);
      double postgresFill = fill(postgres, chunks);
      SearchLatency onSqlite = new SearchLatency(sqlite, settings, LIMIT);
      SearchLatency onPostgres = new SearchLatency(postgres, settings, LIMIT);
      onSqlite.firstVectorQueryMillis(vectors.get(0)); // loads the Java k-NN's matrix
      Latency sqliteHybrid = onSqlite.hybrid(vectors, texts).wall();
      Latency postgresHybrid = onPostgres.hybrid(vectors, texts).wall();
      Latency postgresVector = onPostgres.vector(vectors).wall();
      Latency postgresKeyword = onPostgres.keyword(texts).wall();
      double recall = recallAt10(sqlite, postgres, vectors);
      String plan = postgres.explainVectorSearch(vectors.get(0), LIMIT, SearchScope.all());
      postgres.clear();
      PostgresMemoryIndex clustered =
          PostgresMemoryIndex.open(db, workspace + "-clustered", Set.of());
      ClusteredVectors set = new ClusteredVectors(new Random(9), chunks);
      long t0 = System.nanoTime();
      set.fill(clustered);
      double clusteredFill = (System.nanoTime() - t0) / 1e9;
      ClusteredVectors.Result onClusters = set.measure(clustered, queries, LIMIT);
      clustered.clear();
      return new Report(
          chunks,
          queries,
          sqliteFill,
          postgresFill,
          sqliteHybrid,
          postgresHybrid,
          postgresVector,
          postgresKeyword,
          recall,
          clusteredFill,
          onClusters.recall(),
          onClusters.latency(),
          plan.replaceAll("\\[[-0-9.,eE]+]", "[...]"));
    } finally {
      BenchConfigs.deleteTree(dir);
    }
  }

  private static double fill(MemoryIndex index, int chunks) {
    long t0 = System.nanoTime();
    new SyntheticCorpus(new Random(42)).fill(index, chunks); // the same corpus in both stores
    return (System.nanoTime() - t0) / 1e9;
  }

  private static double fill(PostgresMemoryIndex index, int chunks) {
    long t0 = System.nanoTime();
    try (PostgresMemoryIndex load = index.bulkLoad()) {
      new SyntheticCorpus(new Random(42)).fill(load, chunks);
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  /**
   * Share of the exact top 10 (by file and line) that the HNSW search returns, averaged over the
   * queries.
   */
  static double recallAt10(MemoryIndex exact, MemoryIndex approximate, List<Embedding> vectors) {
    double sum = 0;
    for (Embedding q : vectors) {
      Set<String> truth = keys(exact.vectorSearch(q, 10, SearchScope.all()));
      Set<String> found = keys(approximate.vectorSearch(q, 10, SearchScope.all()));
      found.retainAll(truth);
      sum += truth.isEmpty() ? 1 : (double) found.size() / truth.size();
    }
    return sum / vectors.size();
  }

  private static Set<String> keys(List<ScoredChunk> hits) {
    Set<String> keys = new HashSet<>();
    hits.forEach(h -> keys.add(h.chunk().path() + ":" + h.chunk().startLine()));
    return keys;
  }
}
