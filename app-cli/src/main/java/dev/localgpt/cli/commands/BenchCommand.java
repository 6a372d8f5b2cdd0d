package dev.localgpt.cli.commands;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.localgpt.adapter.embeddings.EmbeddingModelChoice;
import dev.localgpt.adapter.embeddings.OnnxEmbedder;
import dev.localgpt.adapter.embeddings.OnnxEmbedders;
import dev.localgpt.adapter.embeddings.OnnxThroughput;
import dev.localgpt.app.bench.RetrievalBenchRun;
import dev.localgpt.app.bench.SearchBenchRun;
import dev.localgpt.app.bench.ServerBenchRun;
import dev.localgpt.app.wiring.EmbeddingModels;
import dev.localgpt.app.wiring.MemoryComponents;
import dev.localgpt.cli.CliContext;
import dev.localgpt.cli.CliException;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.config.MemoryConfig;
import dev.localgpt.core.memory.eval.BeirData;
import dev.localgpt.core.memory.eval.ChatLogCorpus;
import dev.localgpt.core.memory.eval.ChatLogFiles;
import dev.localgpt.core.memory.eval.FusionSpec;
import dev.localgpt.core.memory.eval.RetrievalBenchmark;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code localgpt bench retrieval|conversations|search|embeddings|server}: quality and speed of
 * memory search, and the HTTP server's load, measured where it runs.
 */
@Command(
    name = "bench",
    description = "Benchmark memory retrieval quality and search speed.",
    mixinStandardHelpOptions = true)
public final class BenchCommand implements Runnable {
  @Inject private CliContext context;
  @Inject private Provider<LocalGptConfig> config;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "missing subcommand: retrieval, conversations, search, embeddings or server");
  }

  @Command(
      name = "retrieval",
      mixinStandardHelpOptions = true,
      description = "nDCG@10 and Recall@100 per leg on a BEIR data set.")
  int retrieval(
      @Option(
              names = "--data",
              paramLabel = "DIR",
              description =
                  "A BEIR directory: corpus.jsonl, queries.jsonl, qrels/test.tsv (or qrels-test.tsv).")
          Path data,
      @Option(
              names = "--corpus",
              paramLabel = "FILE",
              description = "corpus.jsonl (default: in --data)")
          Path corpus,
      @Option(
              names = "--queries",
              paramLabel = "FILE",
              description = "queries.jsonl (default: in --data)")
          Path queries,
      @Option(
              names = "--qrels",
              paramLabel = "FILE",
              description = "qrels TSV (default: in --data)")
          Path qrels,
      @Option(
              names = "--limit-queries",
              defaultValue = "0",
              paramLabel = "N",
              description = "Evaluate only the first N judged queries (0 = all).")
          int limitQueries,
      @Option(
              names = "--model",
              paramLabel = "M",
              description = "Embedding model (default: memory.embedding_model).")
          String model,
      @Option(
              names = "--fusion",
              paramLabel = "F",
              split = ",",
              description = "Hybrid variants: config, weighted, weighted:<w>, rrf, dbsf, all.")
          List<String> fusion,
      @Option(
              names = "--keep",
              paramLabel = "DIR",
              description =
                  "Keep the workspace and index in DIR and reuse them on the next run (no re-embedding).")
          Path keep,
      @Option(
              names = "--plain-queries",
              description =
                  "Embed queries as documents, without the model's query instruction (bge has one).")
          boolean plainQueries) {
    MemoryConfig config = this.config.get().memory();
    EmbeddingModelChoice choice = model(config, model);
    List<FusionSpec> hybrids = fusions(fusion == null ? List.of() : fusion);
    BeirData set =
        BeirJsonl.read(
            beirFile(corpus, data, "corpus.jsonl", "--corpus"),
            beirFile(queries, data, "queries.jsonl", "--queries"),
            beirFile(qrels, data, "qrels/test.tsv", "--qrels"));
    context
        .err()
        .printf(
            Locale.ROOT, "indexing %d documents with %s ...%n", set.corpus().size(), choice.id());
    context.err().flush();
    RetrievalBenchmark.Result result =
        RetrievalBenchRun.run(
            set,
            choice,
            config,
            hybrids,
            limitQueries,
            new ProgressBar(context.err(), false),
            Optional.ofNullable(keep),
            plainQueries);
    String modelLabel =
        choice.id()
            + (plainQueries && !choice.queryInstruction().isEmpty()
                ? " (queries without its instruction)"
                : "");
    BenchOutput.retrieval(
        context.out(), result, modelLabel, RetrievalBenchRun.vectorBackend(config));
    return ExitCodes.OK;
  }

  @Command(
      name = "conversations",
      mixinStandardHelpOptions = true,
      description =
          "Write the generated chat-log benchmark (BEIR form) for bench retrieval --data.")
  int conversations(
      @Option(
              names = "--out",
              required = true,
              paramLabel = "DIR",
              description = "Directory to write.")
          Path out,
      @Option(
              names = "--seed",
              defaultValue = "15",
              paramLabel = "N",
              description = "Generator seed.")
          long seed,
      @Option(
              names = "--conversations",
              defaultValue = "320",
              paramLabel = "N",
              description = "Chat logs.")
          int conversations,
      @Option(
              names = "--questions",
              defaultValue = "400",
              paramLabel = "N",
              description = "Questions, at most.")
          int questions) {
    if (conversations < 1 || questions < 1) {
      throw new CliException(
          "--conversations and --questions must be > 0, were " + conversations + "/" + questions,
          "give positive sizes",
          ExitCodes.CONFIG);
    }
    ChatLogCorpus generated = ChatLogCorpus.generate(seed, conversations, questions);
    try {
      ChatLogFiles.write(generated, out);
    } catch (UncheckedIOException e) {
      throw new CliException(
          e.getMessage(), "check that --out is a writable directory", ExitCodes.CONFIG);
    }
    context
        .out()
        .printf(
            Locale.ROOT,
            "wrote %d conversations and %d questions to %s%n",
            generated.conversations().size(),
            generated.questions().size(),
            out);
    return ExitCodes.OK;
  }

  /**
   * {@code given}, else {@code name} inside the BEIR directory {@code data} (also {@code
   * qrels-test.tsv}).
   */
  private static Path beirFile(Path given, Path data, String name, String option) {
    if (given != null) {
      return given;
    }
    if (data == null) {
      throw new CliException(
          "missing " + option,
          "give --data DIR (a BEIR directory) or " + option + " FILE",
          ExitCodes.CONFIG);
    }
    Path file = data.resolve(name);
    if (name.equals("qrels/test.tsv")
        && !Files.exists(file)
        && Files.exists(data.resolve("qrels-test.tsv"))) {
      return data.resolve("qrels-test.tsv");
    }
    return file;
  }

  @Command(
      name = "search",
      mixinStandardHelpOptions = true,
      description =
          "Hybrid query latency per leg (query embedding included), k-NN backends, indexing rate, no-op re-index.")
  int search(
      @Option(
              names = "--chunks",
              defaultValue = "10000",
              paramLabel = "N",
              description = "Chunks in the index (e.g. 10000 or 100000).")
          int chunks,
      @Option(
              names = "--queries",
              paramLabel = "FILE",
              description =
                  "BEIR queries.jsonl whose texts are the queries (default: synthetic questions).")
          Path queries,
      @Option(
              names = "--runs",
              defaultValue = "200",
              paramLabel = "N",
              description = "Timed queries per leg.")
          int runs,
      @Option(
              names = "--limit",
              paramLabel = "N",
              description = "Hits per query (default: memory.max_results).")
          Integer limit,
      @Option(
              names = "--texts",
              defaultValue = "512",
              paramLabel = "N",
              description = "Real texts for the indexing rate.")
          int texts,
      @Option(
              names = "--corpus",
              paramLabel = "FILE",
              description =
                  "BEIR corpus.jsonl: its chunks fill the index (repeated up to --chunks) and its first "
                      + "--texts documents give the indexing rate (without it: synthetic prose, no rate).")
          Path corpus,
      @Option(names = "--latency-only", description = "Measure query latency only.")
          boolean latencyOnly,
      @Option(
              names = "--files",
              defaultValue = "5000",
              paramLabel = "N",
              description = "Files for the unchanged re-index timing.")
          int files,
      @Option(names = "--model", paramLabel = "M", description = "Embedding model.") String model) {
    if (chunks < 100 || runs < 1 || (limit != null && limit < 1)) {
      throw new CliException(
          "--chunks must be >= 100, --runs and --limit >= 1",
          "use e.g. --chunks 10000",
          ExitCodes.CONFIG);
    }
    MemoryConfig config = this.config.get().memory();
    EmbeddingModelChoice choice = model(config, model);
    List<String> queryTexts = queries == null ? List.of() : BeirJsonl.queryTexts(queries);
    List<String> chunkTexts =
        corpus == null
            ? List.of()
            : SearchBenchRun.chunkTexts(config, BeirJsonl.texts(corpus, Integer.MAX_VALUE));
    SearchBenchRun.LatencyPlan plan =
        new SearchBenchRun.LatencyPlan(
            chunks,
            chunkTexts,
            corpus == null ? "synthetic prose" : corpus.toString(),
            queryTexts,
            queries == null ? "" : queries.toString(),
            runs,
            limit != null ? limit : config.maxResults());
    Optional<OnnxEmbedder> embedder =
        config.embeddingProvider().equals("none")
            ? Optional.empty()
            : MemoryComponents.embedder(config, Optional.of(choice));
    try {
      BenchOutput.latency(context.out(), SearchBenchRun.latency(config, plan, embedder));
    } finally {
      embedder.ifPresent(OnnxEmbedder::close);
    }
    if (latencyOnly) {
      return ExitCodes.OK;
    }
    if (corpus == null) {
      context.out().println("indexing rate: skipped (pass --corpus FILE, a BEIR corpus.jsonl)");
    } else {
      BenchOutput.rate(
          context.out(),
          SearchBenchRun.indexingRate(config, choice, BeirJsonl.texts(corpus, texts)));
    }
    BenchOutput.noOp(context.out(), SearchBenchRun.noOpReindex(config, files));
    return ExitCodes.OK;
  }

  @Command(
      name = "embeddings",
      mixinStandardHelpOptions = true,
      description = "Raw onnxruntime rate beside the embedder's rate, per model.")
  int embeddings(
      @Option(
              names = "--corpus",
              required = true,
              paramLabel = "FILE",
              description = "BEIR corpus.jsonl.")
          Path corpus,
      @Option(
              names = "--docs",
              defaultValue = "256",
              paramLabel = "N",
              description = "Texts to embed.")
          int docs,
      @Option(
              names = "--batch",
              defaultValue = "" + OnnxEmbedders.DEFAULT_BATCH_SIZE,
              paramLabel = "N",
              description = "Batch size.")
          int batch,
      @Option(
              names = "--rounds",
              defaultValue = "3",
              paramLabel = "N",
              description = "Rounds (best counts).")
          int rounds,
      @Option(
              names = "--model",
              defaultValue = "all",
              paramLabel = "M",
              description = "A model id, or all.")
          String model) {
    if (docs < 1 || batch < 1 || rounds < 1) {
      throw new CliException(
          "--docs, --batch and --rounds must be >= 1",
          "use e.g. --docs 256 --batch 32",
          ExitCodes.CONFIG);
    }
    List<String> texts = BeirJsonl.texts(corpus, docs);
    List<EmbeddingModelChoice> choices =
        model.equals("all")
            ? List.of(EmbeddingModelChoice.values())
            : List.of(model(this.config.get().memory(), model));
    BenchOutput.embeddingsHeader(context.out(), texts.size(), corpus.toString(), batch, rounds);
    for (EmbeddingModelChoice choice : choices) {
      BenchOutput.embeddings(context.out(), OnnxThroughput.compare(choice, texts, batch, rounds));
    }
    return ExitCodes.OK;
  }

  @Command(
      name = "server",
      mixinStandardHelpOptions = true,
      description =
          "HTTP server req/s, p50/p99 of /health and /api/memory/search with 1, 8, 64 clients; RSS.")
  int server(
      @Option(
              names = "--chunks",
              defaultValue = "10000",
              paramLabel = "N",
              description = "Synthetic chunks.")
          int chunks,
      @Option(
              names = "--seconds",
              defaultValue = "5",
              paramLabel = "S",
              description = "Length of each run.")
          int seconds,
      @Option(
              names = "--embedding",
              defaultValue = "local",
              paramLabel = "P",
              description =
                  "Server's memory.embedding_provider: local (hybrid) or none (keyword only).")
          String embedding,
      @Option(
              names = "--jvm",
              paramLabel = "OPT",
              split = " ",
              description = "Extra options for the server JVM, e.g. --jvm=-Xmx128m.")
          List<String> jvm,
      @Option(
              names = "--warm-up",
              defaultValue = "0",
              paramLabel = "S",
              description =
                  "Seconds of searches from 8 clients before the timed runs, so the JIT is done "
                      + "as in a daemon that has run a while (default 0: 100 searches).")
          int warmUp) {
    if (chunks < 100 || seconds < 1 || warmUp < 0) {
      throw new CliException(
          "--chunks must be >= 100, --seconds >= 1 and --warm-up >= 0",
          "use e.g. --chunks 10000 --seconds 5",
          ExitCodes.CONFIG);
    }
    ServerBenchRun.run(
        context.out(), chunks, seconds, embedding, jvm == null ? List.of() : jvm, warmUp);
    return ExitCodes.OK;
  }

  private static EmbeddingModelChoice model(MemoryConfig config, String name) {
    String wanted = name != null ? name : config.embeddingModel();
    return EmbeddingModels.resolve("local", wanted).orElseThrow();
  }

  private static List<FusionSpec> fusions(List<String> values) {
    try {
      return FusionSpec.parse(values);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), "e.g. --fusion config,rrf", ExitCodes.CONFIG);
    }
  }
}
