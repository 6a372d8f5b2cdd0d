package dev.localgpt.cli.commands;

import dev.localgpt.adapter.embeddings.EmbeddingModelChoice;
import dev.localgpt.app.wiring.EmbeddingModels;
import dev.localgpt.app.wiring.MemoryComponents;
import dev.localgpt.cli.CliContext;
import dev.localgpt.cli.CliException;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.core.config.MemoryConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code localgpt bench retrieval|search}: quality and speed of memory search, measured on this machine. */
@Command(name = "bench", description = "Benchmark memory retrieval quality and search speed.",
    mixinStandardHelpOptions = true)
public final class BenchCommand implements Runnable {
  private final CliContext context;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public BenchCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: retrieval or search");
  }

  @Command(name = "retrieval", mixinStandardHelpOptions = true, description = "nDCG@10 and Recall@100 per leg on a BEIR data set.")
  int retrieval(
      @Option(names = "--corpus", required = true, paramLabel = "FILE", description = "corpus.jsonl") Path corpus,
      @Option(names = "--queries", required = true, paramLabel = "FILE", description = "queries.jsonl") Path queries,
      @Option(names = "--qrels", required = true, paramLabel = "FILE", description = "qrels TSV") Path qrels,
      @Option(names = "--limit-queries", defaultValue = "0", paramLabel = "N",
          description = "Evaluate only the first N judged queries (0 = all).") int limitQueries,
      @Option(names = "--model", paramLabel = "M",
          description = "Embedding model (default: memory.embedding_model).") String model,
      @Option(names = "--fusion", paramLabel = "F", split = ",",
          description = "Hybrid variants: config, weighted, weighted:<w>, rrf, dbsf, all.") List<String> fusion,
      @Option(names = "--keep", paramLabel = "DIR",
          description = "Keep the workspace and index in DIR and reuse them on the next run (no re-embedding).")
          Path keep) {
    MemoryConfig config = context.config().memory();
    EmbeddingModelChoice choice = model(config, model);
    List<FusionSpec> hybrids = FusionSpec.parse(fusion == null ? List.of() : fusion);
    BeirData data = BeirData.read(corpus, queries, qrels);
    RetrievalBench.Result result = RetrievalBench.run(data, choice,
        BenchConfigs.withProvider(config, "local"), hybrids, limitQueries, context.err(),
        Optional.ofNullable(keep));
    RetrievalBench.print(context.out(), result, choice.id(),
        MemoryComponents.sqliteOptions(config).sqliteVec().isPresent() ? "sqlite-vec" : "java");
    return ExitCodes.OK;
  }

  @Command(name = "search", mixinStandardHelpOptions = true, description = "Hybrid query latency, k-NN backends, indexing rate, no-op re-index.")
  int search(
      @Option(names = "--chunks", defaultValue = "10000", paramLabel = "N",
          description = "Synthetic chunks (e.g. 10000 or 100000).") int chunks,
      @Option(names = "--queries", defaultValue = "100", paramLabel = "N", description = "Timed queries.") int queries,
      @Option(names = "--texts", defaultValue = "512", paramLabel = "N",
          description = "Real texts for the indexing rate.") int texts,
      @Option(names = "--corpus", paramLabel = "FILE", defaultValue = "/work/shared/data/scifact/corpus.jsonl",
          description = "BEIR corpus.jsonl for the indexing rate.") Path corpus,
      @Option(names = "--files", defaultValue = "5000", paramLabel = "N",
          description = "Files for the unchanged re-index timing.") int files,
      @Option(names = "--model", paramLabel = "M", description = "Embedding model.") String model) {
    if (chunks < 100 || queries < 1) {
      throw new CliException("--chunks must be >= 100 and --queries >= 1", "use e.g. --chunks 10000",
          ExitCodes.CONFIG);
    }
    MemoryConfig config = context.config().memory();
    SearchBench.run(context.out(), config, model(config, model), chunks, queries, texts, corpus, files);
    return ExitCodes.OK;
  }

  private static EmbeddingModelChoice model(MemoryConfig config, String name) {
    String wanted = name != null ? name : config.embeddingModel();
    return EmbeddingModels.resolve("local", wanted).orElseThrow();
  }
}
