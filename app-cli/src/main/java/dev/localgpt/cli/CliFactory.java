package dev.localgpt.cli;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import dev.localgpt.app.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Picocli's factory and execution strategy, backed by the injector. Picocli creates command objects
 * while it builds its model and parses (plain constructors, cheap); just before a command runs,
 * {@link #execute} has the injector inject their {@code @Inject} members (the {@link CliContext}
 * and {@code Provider}s of the services from {@link Wiring}, with the {@link CliModule} and any
 * overrides). So {@code --help} and {@code --version} at any level never build the injector or load
 * the config, and the injector is built after {@code -c FILE} was parsed. {@link #close()} frees
 * what the injector opened.
 */
final class CliFactory
    implements CommandLine.IFactory, CommandLine.IExecutionStrategy, AutoCloseable {
  private final CliContext context;
  private final List<Module> overrides;
  private Injector injector;

  CliFactory(CliContext context, List<Module> overrides) {
    this.context = context;
    this.overrides = List.copyOf(overrides);
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    return CommandLine.defaultFactory().create(type);
  }

  @Override
  public int execute(ParseResult parseResult) {
    Trace.mark("parsed (picocli)");
    if (!helpRequested(parseResult)) {
      requireConfigFile(parseResult);
      for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
        inject(level);
      }
      Trace.mark("injected (Guice)");
    }
    return new CommandLine.RunLast().execute(parseResult);
  }

  private void inject(ParseResult level) {
    Object command = level.commandSpec().userObject();
    if (command.getClass().getPackageName().startsWith("dev.localgpt.cli")) {
      try {
        injector().injectMembers(command);
      } catch (ProvisionException | ConfigurationException e) {
        throw new CommandLine.ExecutionException(
            level.commandSpec().commandLine(),
            "cannot set up '" + level.commandSpec().qualifiedName() + "'",
            e);
      }
    }
  }

  /**
   * {@code -c FILE} naming a missing file is an error, except for {@code config init} (creates it)
   * and {@code path}.
   */
  private void requireConfigFile(ParseResult parseResult) {
    Path file = context.configFile();
    String command = commandName(parseResult);
    if (file == null
        || Files.exists(file)
        || command.equals("config init")
        || command.equals("config path")) {
      return;
    }
    throw new CommandLine.ExecutionException(
        parseResult.commandSpec().commandLine(),
        "no config file",
        new CliException(
            "config file " + file + " (named by -c) does not exist",
            "check the path, or create it with 'localgpt -c " + file + " config init'",
            ExitCodes.CONFIG));
  }

  private static String commandName(ParseResult parseResult) {
    ParseResult last = parseResult;
    while (last.subcommand() != null) {
      last = last.subcommand();
    }
    String qualified = last.commandSpec().qualifiedName();
    return qualified.substring(qualified.indexOf(' ') + 1);
  }

  private static boolean helpRequested(ParseResult parseResult) {
    for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
      if (level.isUsageHelpRequested() || level.isVersionHelpRequested()) {
        return true;
      }
    }
    return false;
  }

  /** The composition root of this run, built on first use. */
  synchronized Injector injector() {
    if (injector == null) {
      injector =
          Wiring.injector(context.wiringOptions(), List.of(new CliModule(context)), overrides);
    }
    return injector;
  }

  /** Whether anything asked for the injector yet (the help and version paths must not). */
  synchronized boolean injectorBuilt() {
    return injector != null;
  }

  @Override
  public synchronized void close() {
    if (injector != null) {
      Wiring.close(injector);
    }
  }
}
