package dev.localgpt.cli.commands;

import dev.localgpt.app.wiring.Components;
import dev.localgpt.app.wiring.WiringOptions;
import dev.localgpt.cli.CliContext;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.cli.daemon.DaemonClient;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.memory.SearchResult;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code memory search} through a running daemon without building picocli's model: its classes are
 * too old for the AOT cache and building the model cost most of the ~1 s such a search took. Only
 * the plain forms are taken ({@code memory search QUERY [-l N | --limit N | --limit=N] [--silo S |
 * --silo=S] [--explain] [--json]}; without a limit, {@code memory.max_results} is read from the
 * config, without the injector); anything else (help, {@code --local}, other options, a second
 * word, no daemon) returns empty and picocli runs the command as usual, with the same output.
 */
public final class DaemonSearchShortcut {
  private DaemonSearchShortcut() {}

  /** The config of this run, loaded on first use (the daemon may need none of it). */
  private static final class Config {
    private final CliContext context;
    private LocalGptConfig config;

    Config(CliContext context) {
      this.context = context;
    }

    LocalGptConfig get() {
      if (config == null) {
        WiringOptions options = context.wiringOptions();
        config = Components.config(Components.home(options), options);
      }
      return config;
    }

    Optional<String> token() {
      return get().server().authToken();
    }
  }

  /**
   * The exit code when the search ran through the daemon; empty when the normal path must run it.
   */
  public static OptionalInt tryRun(CliContext context, String... args) {
    if (args.length < 3 || !args[0].equals("memory") || !args[1].equals("search")) {
      return OptionalInt.empty();
    }
    String query = null;
    String silo = null;
    int limit = 0;
    boolean json = false;
    boolean explain = false;
    try {
      for (int i = 2; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--json")) {
          json = true;
        } else if (a.equals("--explain")) {
          explain = true;
        } else if ((a.equals("-l") || a.equals("--limit")) && i + 1 < args.length) {
          limit = Integer.parseInt(args[++i]);
        } else if (a.startsWith("--limit=")) {
          limit = Integer.parseInt(a.substring("--limit=".length()));
        } else if (a.equals("--silo") && i + 1 < args.length) {
          silo = args[++i];
        } else if (a.startsWith("--silo=")) {
          silo = a.substring("--silo=".length());
        } else if (!a.startsWith("-") && query == null) {
          query = a;
        } else {
          return OptionalInt.empty();
        }
      }
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
    if (query == null) {
      return OptionalInt.empty();
    }
    Config config = new Config(context);
    Optional<DaemonClient> daemon = DaemonClient.forCli(context, false, config::token);
    if (daemon.isEmpty()) {
      return OptionalInt.empty();
    }
    SearchResult result;
    try {
      // without -l the limit is memory.max_results: the config is read (no injector, no picocli)
      // only then
      result =
          daemon
              .get()
              .search(query, limit > 0 ? limit : config.get().memory().maxResults(), silo, explain);
    } catch (RuntimeException e) {
      // a config the normal path reports, or a daemon that refused: the normal path runs and says
      // why
      return OptionalInt.empty();
    }
    MemoryCommand.printSearch(context, query, result, explain, json);
    context.out().flush();
    return OptionalInt.of(ExitCodes.OK);
  }
}
