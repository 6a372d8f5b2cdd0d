package dev.localgpt.cli;

import com.google.inject.Module;
import dev.localgpt.cli.commands.DaemonSearchShortcut;
import dev.localgpt.cli.commands.SearchArgs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/** The {@code localgpt} entry point. */
public final class Main {
  private Main() {}

  /**
   * Guice's option for generating classes: off, @Provides methods are called by reflection. A run
   * of a second then skips the bytecode generator (its ASM classes and the classes it defines are
   * outside the AOT cache); nothing here uses method interception, which needs it.
   */
  static final String GUICE_BYTECODE = "guice_bytecode_gen_option";

  public static void main(String[] args) {
    quickStart();
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(new CliContext(System.getenv(), out, err), args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Sets the start-up options of the JVM's libraries that the user did not set. */
  static void quickStart() {
    if (System.getProperty(GUICE_BYTECODE) == null) {
      System.setProperty(GUICE_BYTECODE, "DISABLED");
    }
  }

  /** Runs one command line; returns the exit code (see {@link ExitCodes}). */
  public static int run(CliContext context, String... args) {
    Trace.mark("main");
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // building picocli's model of every command costs ~250 ms; printing the version needs none of
      // it
      return printVersion(context);
    }
    Optional<SearchArgs> search = SearchArgs.parse(args);
    if (search.isPresent()) {
      DaemonSearchShortcut.Outcome outcome = DaemonSearchShortcut.tryRun(context, search.get());
      if (outcome instanceof DaemonSearchShortcut.Outcome.Ran ran) {
        Trace.mark("searched through the daemon");
        return ran.exitCode();
      }
      if (outcome instanceof DaemonSearchShortcut.Outcome.NoDaemon) {
        return searchLocally(context, search.get());
      }
    }
    return execute(commandLine(context, Subcommands.only(args), List.of()), args);
  }

  /**
   * {@code memory search} in this process without picocli: the same command code, injector and
   * error reporting as picocli's path.
   */
  private static int searchLocally(CliContext context, SearchArgs search) {
    CliFactory factory = new CliFactory(context, List.of());
    try {
      return DaemonSearchShortcut.runLocally(factory.injector(), search);
    } catch (RuntimeException | Error e) {
      // picocli's path hands every throwable of a command to the same handler
      return new ErrorHandler(context).report(e);
    } finally {
      factory.close();
    }
  }

  /**
   * Runs {@code args} on a command line from {@link #commandLine}, then frees what its commands
   * opened.
   */
  public static int execute(CommandLine commandLine, String... args) {
    try {
      return commandLine.execute(args);
    } finally {
      if (commandLine.getFactory() instanceof CliFactory factory) {
        factory.close();
      }
    }
  }

  private static int printVersion(CliContext context) {
    try {
      for (String line : new VersionProvider().getVersion()) {
        context.out().println(line);
      }
      return ExitCodes.OK;
    } catch (IOException e) {
      context.err().println("error: cannot read the version: " + e.getMessage());
      return ExitCodes.GENERAL;
    }
  }

  /**
   * The configured picocli command line: subcommands (created by the injector when they run),
   * output streams, error handling. {@code overrides} replace bindings of the wiring (tests bind
   * fakes of ports here).
   */
  public static CommandLine commandLine(CliContext context, Module... overrides) {
    return commandLine(context, Subcommands.ALL, List.of(overrides));
  }

  /**
   * The command line with only {@code subcommands}: a run of one command builds picocli's model of
   * that group only (picocli's classes are too old for the AOT cache, and its model of every group
   * costs a few hundred ms).
   */
  private static CommandLine commandLine(
      CliContext context, List<Class<?>> subcommands, List<Module> overrides) {
    CliFactory factory = new CliFactory(context, overrides);
    CommandLine commandLine = new CommandLine(new LocalGptCommand(context), factory);
    for (Class<?> subcommand : subcommands) {
      commandLine.addSubcommand(subcommand);
    }
    ErrorHandler errors = new ErrorHandler(context);
    return commandLine
        .setExecutionStrategy(factory)
        .setOut(context.out())
        .setErr(context.err())
        .setExecutionExceptionHandler(errors)
        .setParameterExceptionHandler(errors)
        .setCaseInsensitiveEnumValuesAllowed(true);
  }
}
