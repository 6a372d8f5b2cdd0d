package dev.localgpt.app.bench;

import dev.localgpt.adapter.postgres.PgliteServer;
import dev.localgpt.adapter.postgres.PostgresOptions;
import dev.localgpt.core.config.MemoryConfig;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints {@link PostgresBenchRun}'s figures (a benchmark, not a test). Arguments: chunks, queries,
 * and optionally a JDBC URL, user and password of a real PostgreSQL with pgvector; without a URL it
 * starts PGlite.
 */
public final class PostgresBenchMain {
  private PostgresBenchMain() {}

  public static void main(String[] args) throws Exception {
    int chunks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    MemoryConfig base = MemoryConfig.defaults(Path.of("."));
    if (args.length > 2) {
      print(
          "postgres",
          PostgresBenchRun.run(
              new PostgresOptions(
                  args[2],
                  args.length > 3 ? args[3] : "postgres",
                  args.length > 4 ? args[4] : "",
                  4),
              "bench",
              base,
              chunks,
              queries));
      return;
    }
    Path installation =
        PgliteServer.installation()
            .orElseThrow(() -> new IllegalStateException(PgliteServer.missingMessage()));
    try (PgliteServer server = PgliteServer.start(installation)) {
      print("pglite", PostgresBenchRun.run(server.options(), "bench", base, chunks, queries));
    }
  }

  private static void print(String engine, PostgresBenchRun.Report r) {
    System.out.printf(
        Locale.ROOT, "%d chunks, %d queries, engine %s%n", r.chunks(), r.queries(), engine);
    System.out.printf(
        Locale.ROOT,
        "fill: sqlite %.1f s (%.0f chunks/s), %s bulk load %.1f s (%.0f chunks/s)%n",
        r.sqliteFillSeconds(),
        r.sqliteChunksPerSecond(),
        engine,
        r.postgresFillSeconds(),
        r.postgresChunksPerSecond());
    System.out.printf(
        Locale.ROOT,
        "hybrid p50/p95 ms: sqlite (java k-NN) %.2f / %.2f, %s %.2f / %.2f%n",
        r.sqliteHybrid().p50Millis(),
        r.sqliteHybrid().p95Millis(),
        engine,
        r.postgresHybrid().p50Millis(),
        r.postgresHybrid().p95Millis());
    System.out.printf(
        Locale.ROOT,
        "%s alone p50/p95 ms: hnsw k-NN(40) %.2f / %.2f, ts_rank(40) %.2f / %.2f%n",
        engine,
        r.postgresVector().p50Millis(),
        r.postgresVector().p95Millis(),
        r.postgresKeyword().p50Millis(),
        r.postgresKeyword().p95Millis());
    System.out.printf(
        Locale.ROOT, "HNSW recall@10 vs exact, random vectors: %.3f%n", r.recallAt10());
    System.out.printf(
        Locale.ROOT,
        "clustered vectors: bulk fill %.1f s, HNSW recall@10 %.3f, k-NN(10) p50/p95 %.2f / %.2f ms%n",
        r.clusteredFillSeconds(),
        r.clusteredRecallAt10(),
        r.clusteredVector().p50Millis(),
        r.clusteredVector().p95Millis());
    System.out.println("plan of the adapter's k-NN statement (random vectors):");
    System.out.println(r.plan());
  }
}
