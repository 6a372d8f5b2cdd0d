package dev.localgpt.cli.commands;

import com.google.inject.Injector;
import dev.localgpt.app.wiring.Components;
import dev.localgpt.app.wiring.WiringOptions;
import dev.localgpt.cli.CliContext;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.cli.Trace;
import dev.localgpt.cli.daemon.DaemonClient;
import dev.localgpt.core.config.LocalGptConfig;
import java.util.Optional;

/**
 * {@code memory search} ({@link SearchArgs}) through a running daemon without building picocli's
 * model or the injector: without {@code -l}, {@code memory.max_results} is read from the config
 * alone. When no daemon runs (or {@code --local}), the caller searches here without picocli ({@link
 * #runLocally}); when the daemon or the config fails, picocli's path runs the command again and
 * reports the failure as usual.
 */
public final class DaemonSearchShortcut {
  private DaemonSearchShortcut() {}

  /** What {@link #tryRun} did. */
  public sealed interface Outcome {
    /** The daemon answered; the hits are printed. */
    record Ran(int exitCode) implements Outcome {}

    /** No daemon serves this home (or {@code --local}): search in this process. */
    record NoDaemon() implements Outcome {}

    /** Something failed: let picocli's path run the command and report it. */
    record Declined() implements Outcome {}
  }

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

  /** Searches through the daemon of this home when one runs. */
  public static Outcome tryRun(CliContext context, SearchArgs args) {
    Config config = new Config(context);
    Optional<DaemonClient> daemon;
    try {
      daemon = DaemonClient.forCli(context, args.local(), config::token);
    } catch (RuntimeException e) {
      return new Outcome.Declined();
    }
    Trace.mark(daemon.isPresent() ? "daemon found" : "no daemon");
    if (daemon.isEmpty()) {
      return new Outcome.NoDaemon();
    }
    try {
      int limit = args.limit() != null ? args.limit() : config.get().memory().maxResults();
      var result = daemon.get().search(args.query(), limit, args.silo(), args.explain());
      MemoryCommand.printSearch(context, args.query(), result, args.explain(), args.json());
    } catch (RuntimeException e) {
      // a config the normal path reports, or a daemon that refused: the normal path runs and says
      // why
      return new Outcome.Declined();
    }
    context.out().flush();
    return new Outcome.Ran(ExitCodes.OK);
  }

  /**
   * Runs the search in this process with the {@code memory} command's code, its members injected by
   * {@code injector} as picocli's path would; exceptions propagate to the caller's error handler.
   */
  public static int runLocally(Injector injector, SearchArgs args) {
    MemoryCommand command = new MemoryCommand();
    injector.injectMembers(command);
    return command.search(
        args.query(), args.limit(), args.silo(), args.explain(), args.json(), true);
  }
}
