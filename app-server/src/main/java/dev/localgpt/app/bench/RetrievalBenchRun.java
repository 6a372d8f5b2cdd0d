package dev.localgpt.app.bench;

import dev.localgpt.adapter.embeddings.EmbeddingModelChoice;
import dev.localgpt.adapter.sqlite.SqliteMemoryIndex;
import dev.localgpt.app.wiring.MemoryComponents;
import dev.localgpt.app.wiring.MemoryStack;
import dev.localgpt.core.config.MemoryConfig;
import dev.localgpt.core.memory.IndexListener;
import dev.localgpt.core.memory.IndexReport;
import dev.localgpt.core.memory.eval.BeirData;
import dev.localgpt.core.memory.eval.DocumentQueries;
import dev.localgpt.core.memory.eval.FusionSpec;
import dev.localgpt.core.memory.eval.RetrievalBenchmark;
import dev.localgpt.ports.embedding.Embedder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bench retrieval} over the real adapters: writes the corpus as Markdown into a scratch
 * workspace, indexes it through the same {@link MemoryStack} a user's workspace goes through (local
 * embedding model), then lets {@link RetrievalBenchmark} evaluate the legs on the SQLite index.
 */
public final class RetrievalBenchRun {
  private RetrievalBenchRun() {}

  /**
   * Runs the benchmark. With {@code keep} the workspace and index live in that folder and survive
   * the run, so a second run with the same folder and model re-indexes nothing (unchanged files are
   * skipped) and only measures the legs; the raw leg candidates are then also written there ({@code
   * legs-<model>.tsv}). Without it everything lives in a temporary folder that is deleted
   * afterwards.
   *
   * @param progress told about indexing
   * @param plainQueries embed the queries as documents, without the model's query instruction
   *     ({@link DocumentQueries}; the leg dump is then {@code legs-<model>-plain.tsv})
   */
  public static RetrievalBenchmark.Result run(
      BeirData data,
      EmbeddingModelChoice model,
      MemoryConfig base,
      List<FusionSpec> hybrids,
      int limitQueries,
      IndexListener progress,
      Optional<Path> keep,
      boolean plainQueries) {
    Path dir =
        keep.map(BenchConfigs::folder).orElseGet(() -> BenchConfigs.tempDir("localgpt-bench"));
    try {
      Path workspace = dir.resolve("workspace");
      Map<String, String> docOfPath = BeirData.writeMarkdown(data.corpus(), workspace);
      MemoryConfig config =
          BenchConfigs.withWorkspace(BenchConfigs.withProvider(base, "local"), workspace);
      Path db = dir.resolve("memory-" + safe(model.id()) + ".sqlite");
      try (MemoryStack stack = MemoryComponents.memory(db, config, Optional.of(model))) {
        Embedder loaded = stack.embedder().orElseThrow();
        Embedder embedder = plainQueries ? new DocumentQueries(loaded) : loaded;
        embedder.embed(List.of("warm-up text that is not in the corpus"));
        IndexReport report = stack.service().index(false, progress);
        List<String> queryIds = RetrievalBenchmark.judgedQueries(data, limitQueries);
        List<RetrievalBenchmark.Row> rows;
        try (SqliteMemoryIndex index =
            SqliteMemoryIndex.open(db, MemoryComponents.sqliteOptions(config))) {
          String dumpName = safe(model.id()) + (plainQueries ? "-plain" : "");
          Optional<Path> legDump = keep.map(k -> dir.resolve("legs-" + dumpName + ".tsv"));
          rows =
              RetrievalBenchmark.evaluate(
                  data,
                  docOfPath,
                  index,
                  embedder,
                  MemoryComponents.searchSettings(config),
                  hybrids,
                  queryIds,
                  legDump);
        }
        double seconds = report.duration().toNanos() / 1e9;
        return new RetrievalBenchmark.Result(
            data.corpus().size(), report.chunks(), seconds, queryIds.size(), rows);
      }
    } finally {
      if (keep.isEmpty()) {
        BenchConfigs.deleteTree(dir);
      }
    }
  }

  /** The vector backend the benchmark searches with: {@code sqlite-vec} or {@code java}. */
  public static String vectorBackend(MemoryConfig config) {
    return MemoryComponents.sqliteOptions(config).sqliteVec().isPresent() ? "sqlite-vec" : "java";
  }

  private static String safe(String id) {
    return id.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
