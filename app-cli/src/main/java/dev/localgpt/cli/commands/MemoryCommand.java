package dev.localgpt.cli.commands;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.localgpt.app.wiring.MemoryComponents;
import dev.localgpt.app.wiring.MemoryStack;
import dev.localgpt.app.wiring.PostgresMemory;
import dev.localgpt.cli.CliContext;
import dev.localgpt.cli.CliException;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.cli.Trace;
import dev.localgpt.cli.daemon.DaemonClient;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.config.MemoryConfig;
import dev.localgpt.core.config.MemoryStorage;
import dev.localgpt.core.memory.IndexListener;
import dev.localgpt.core.memory.IndexReport;
import dev.localgpt.core.memory.MemoryFileStats;
import dev.localgpt.core.memory.MemoryHit;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.memory.SearchOptions;
import dev.localgpt.core.memory.SearchResult;
import dev.localgpt.core.workspace.LocalGptHome;
import dev.localgpt.core.workspace.RecentNotes;
import dev.localgpt.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code localgpt memory reindex|search|stats|recent|migrate}. */
@Command(
    name = "memory",
    description = "Index and search the Markdown memory.",
    mixinStandardHelpOptions = true)
public final class MemoryCommand implements Runnable {
  private static final DateTimeFormatter NOTE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

  @Inject private CliContext context;
  @Inject private Provider<MemoryStack> memory;
  @Inject private Provider<LocalGptConfig> config;
  @Inject private Provider<Workspace> workspace;
  @Inject private Provider<LocalGptHome> home;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing subcommand: reindex, search, stats, recent or migrate");
  }

  @Command(
      name = "reindex",
      mixinStandardHelpOptions = true,
      description = "Bring the index up to date with the workspace (incremental).")
  int reindex(
      @Option(
              names = {"-f", "--force"},
              description = "Re-read and re-chunk every file.")
          boolean force) {
    try (MemoryStack memory = stack()) {
      ProgressBar bar = new ProgressBar(context.err(), ProgressBar.isTerminal(context.env()));
      IndexReport report = memory.service().index(force, bar);
      bar.finish();
      double seconds = report.duration().toNanos() / 1e9;
      context
          .out()
          .printf(
              Locale.ROOT,
              "indexed %d files (%d changed, %d unchanged, %d skipped, %d removed): "
                  + "%d chunks, %d embedded, %d from cache in %.2f s%n",
              report.filesScanned(),
              report.filesIndexed(),
              report.filesUnchanged(),
              report.filesSkipped(),
              report.filesDeleted(),
              report.chunks(),
              report.embedded(),
              report.cached(),
              seconds);
      context.out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "search",
      mixinStandardHelpOptions = true,
      description =
          "Search memory (writes changed files' keyword rows first, embeds for a few seconds at most).")
  int search(
      @Parameters(paramLabel = "QUERY", description = "What to look for.") String query,
      @Option(
              names = {"-l", "--limit"},
              paramLabel = "N",
              description = "Maximum hits (default: memory.max_results).")
          Integer limit,
      @Option(names = "--silo", paramLabel = "S", description = "Only this knowledge/<silo>.")
          String silo,
      @Option(names = "--explain", description = "Show BM25, cosine, fused score and ranks.")
          boolean explain,
      @Option(names = "--json", description = "Print JSON.") boolean json,
      @Option(
              names = "--local",
              description = "Search in this process even when a daemon runs for this home.")
          boolean local) {
    int max = limit != null ? limit : config.get().memory().maxResults();
    if (max < 1) {
      throw new CliException(
          "--limit must be at least 1, was " + max, "use e.g. -l 10", ExitCodes.CONFIG);
    }
    if (silo != null) {
      Silos.require(config.get().memory().workspace(), silo);
    }
    Optional<DaemonClient> daemon =
        DaemonClient.forCli(context, local, () -> config.get().server().authToken());
    if (daemon.isPresent()) {
      printSearch(context, query, daemon.get().search(query, max, silo, explain), explain, json);
      return ExitCodes.OK;
    }
    Trace.mark("memory search: command runs");
    try (MemoryStack memory = stack();
        ModelWarmUp loading = ModelWarmUp.start(memory.embedder())) {
      Trace.mark("memory stack built");
      memory.service().update(MemoryService.SEARCH_EMBED_BUDGET, IndexListener.NONE);
      Trace.mark("index up to date");
      SearchResult result =
          memory
              .service()
              .find(query, SearchOptions.limit(max).withSilo(silo).withExplain(explain));
      Trace.mark("searched");
      printSearch(context, query, result, explain, json);
      Trace.mark("printed");
      return ExitCodes.OK;
    }
  }

  /**
   * Prints a search's hits as text or JSON; the same for a local search and one through the daemon.
   */
  static void printSearch(
      CliContext context, String query, SearchResult result, boolean explain, boolean json) {
    if (json) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("hits", result.hits().stream().map(MemoryCommand::toJson).toList());
      data.put("pendingEmbeddings", result.pendingEmbeddings());
      context.printJson(data);
    } else {
      SearchOutput.print(context.out(), query, result.hits(), explain);
      if (result.pendingEmbeddings() > 0) {
        context
            .out()
            .println(
                "("
                    + result.pendingEmbeddings()
                    + " chunks are still being embedded: they are found "
                    + "by keywords only until 'localgpt memory reindex' finishes them)");
      }
    }
  }

  @Command(
      name = "stats",
      mixinStandardHelpOptions = true,
      description = "Files, chunks, size, model and vector backend of the index.")
  int stats(@Option(names = "--json", description = "Print JSON.") boolean json) {
    MemoryConfig config = this.config.get().memory();
    try (MemoryStack memory = stack()) {
      List<MemoryFileStats.FileStat> files =
          MemoryComponents.fileStats(config, memory.embedderPort())
              .of(memory.service().recent(Integer.MAX_VALUE));
      StatsOutput.print(context, memory, config, files, json);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "recent",
      mixinStandardHelpOptions = true,
      description = "The newest memory/*.md files with their last non-empty line.")
  int recent(
      @Option(
              names = {"-c", "--count"},
              defaultValue = "10",
              description = "How many (default 10).")
          int count) {
    if (count < 1) {
      throw new CliException(
          "--count must be at least 1, was " + count, "use e.g. -c 10", ExitCodes.CONFIG);
    }
    Workspace workspace = this.workspace.get();
    List<RecentNotes.Note> notes = new RecentNotes(workspace).newest(count);
    if (notes.isEmpty()) {
      context.out().println("no notes in " + workspace.root().resolve("memory"));
    }
    for (RecentNotes.Note n : notes) {
      context.out().println(n.path() + "  " + NOTE_TIME.format(n.modified()) + "  " + n.lastLine());
    }
    return ExitCodes.OK;
  }

  @Command(
      name = "migrate",
      mixinStandardHelpOptions = true,
      description =
          "Copy the SQLite index (chunks, vectors, embedding cache) into PostgreSQL ([memory.postgres]) "
              + "without re-embedding; the workspace's rows there are replaced.")
  int migrate(
      @Option(
              names = "--to",
              required = true,
              paramLabel = "BACKEND",
              description = "Only 'postgres'.")
          String to) {
    if (!to.equals("postgres")) {
      throw new CliException(
          "--to must be 'postgres', was '" + to + "'", "use --to postgres", ExitCodes.CONFIG);
    }
    MemoryStorage storage = config.get().memory().storage();
    if (storage.url().isEmpty()) {
      throw new CliException(
          "[memory.postgres] url is not set in config.toml",
          "add [memory.postgres] url = \"jdbc:postgresql://localhost:5432/localgpt\" (user, password too)",
          ExitCodes.CONFIG);
    }
    Path sqlite = MemoryComponents.dbFile(home.get());
    if (!Files.isRegularFile(sqlite)) {
      throw new CliException(
          "no SQLite index at " + sqlite,
          "nothing to copy: with memory.backend = \"postgres\","
              + " 'localgpt memory reindex' indexes straight into PostgreSQL",
          ExitCodes.CONFIG);
    }
    PostgresMemory.MigrationReport report = PostgresMemory.migrate(sqlite, storage);
    context
        .out()
        .printf(
            Locale.ROOT,
            "copied %d files, %d chunks (%d with vectors) and %d cached embeddings into "
                + "workspace '%s' at %s%n",
            report.files(),
            report.chunks(),
            report.vectors(),
            report.cached(),
            report.workspace(),
            storage.url());
    if (!storage.postgres()) {
      context.out().println("set memory.backend = \"postgres\" in config.toml to use it");
    }
    return ExitCodes.OK;
  }

  private MemoryStack stack() {
    return memory.get();
  }

  static Map<String, Object> toJson(MemoryHit hit) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", hit.path());
    m.put("startLine", hit.startLine());
    m.put("endLine", hit.endLine());
    m.put("score", round(hit.score()));
    m.put("snippet", hit.snippet());
    m.put("source", hit.source());
    hit.explanation()
        .ifPresent(
            x -> {
              Map<String, Object> e = new LinkedHashMap<>();
              e.put("bm25", Double.isNaN(x.bm25()) ? null : round(x.bm25()));
              e.put("cosine", Double.isNaN(x.cosine()) ? null : round(x.cosine()));
              e.put("fused", round(x.fused()));
              e.put("keywordRank", x.keywordRank());
              e.put("vectorRank", x.vectorRank());
              m.put("explain", e);
            });
    return m;
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
