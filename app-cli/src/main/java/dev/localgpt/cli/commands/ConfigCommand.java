package dev.localgpt.cli.commands;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.localgpt.app.config.ConfigFiles;
import dev.localgpt.app.config.TomlConfigEditor;
import dev.localgpt.app.wiring.ProviderWiring;
import dev.localgpt.cli.CliContext;
import dev.localgpt.cli.CliException;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.core.config.ConfigException;
import dev.localgpt.core.config.ConfigProblem;
import dev.localgpt.core.config.ConfigSchema;
import dev.localgpt.core.config.ConfigView;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.workspace.HomeLayout;
import dev.localgpt.core.workspace.LocalGptHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code localgpt config init|show|get|set|path|check}. */
@Command(
    name = "config",
    description = "Create, show, check and change config.toml.",
    mixinStandardHelpOptions = true,
    subcommandsRepeatable = false)
public final class ConfigCommand implements Runnable {
  @Inject private CliContext context;
  @Inject private Provider<LocalGptHome> home;
  @Inject private Provider<LocalGptConfig> config;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "missing subcommand: init, show, get, set, path or check");
  }

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = "Write a commented config.toml with every default.")
  int init(
      @Option(
              names = {"-f", "--force"},
              description = "Replace an existing file.")
          boolean force) {
    LocalGptHome home = this.home.get();
    Path file = home.configFile();
    if (Files.exists(file) && !force) {
      throw new CliException(
          "config file already exists: " + file,
          "use 'localgpt config init -f' to replace it",
          ExitCodes.GENERAL);
    }
    HomeLayout.create(home);
    ConfigFiles.writePrivate(file, ConfigFiles.template());
    context.out().println("wrote " + file);
    return ExitCodes.OK;
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Print the effective configuration (secrets masked).")
  int show(@Option(names = "--json", description = "Print JSON.") boolean json) {
    Map<String, Object> flat = ConfigView.flatten(config.get(), true);
    if (json) {
      context.printJson(ConfigView.nested(flat));
    } else {
      context.out().print(TomlRendering.document(flat));
    }
    return ExitCodes.OK;
  }

  @Command(
      name = "get",
      mixinStandardHelpOptions = true,
      description = "Print the effective value of one key.")
  int get(
      @Parameters(paramLabel = "KEY", description = "A dotted key, e.g. server.port.") String key,
      @Option(names = "--reveal", description = "Print secret values instead of masking them.")
          boolean reveal) {
    requireKnown(key);
    Optional<Object> value = ConfigView.get(config.get(), key, !reveal);
    if (value.isEmpty()) {
      throw new CliException(
          "key '" + key + "' is not set",
          "set it with 'localgpt config set " + key + " VALUE'",
          ExitCodes.GENERAL);
    }
    context
        .out()
        .println(value.get() instanceof String text ? text : TomlRendering.value(value.get()));
    return ExitCodes.OK;
  }

  @Command(
      name = "set",
      mixinStandardHelpOptions = true,
      description = "Change one key in config.toml, keeping comments and layout.")
  int set(
      @Parameters(index = "0", paramLabel = "KEY") String key,
      @Parameters(index = "1", paramLabel = "VALUE") String value) {
    requireKnown(key);
    LocalGptHome home = this.home.get();
    HomeLayout.create(home);
    try {
      new TomlConfigEditor(home, context.env()).set(key, value);
    } catch (ConfigException e) {
      ConfigProblem problem = e.problems().getFirst();
      throw new CliException(
          "cannot set "
              + key
              + " to '"
              + value
              + "': "
              + problem.problem()
              + (problem.fix().isBlank() ? "" : " (" + problem.fix() + ")"),
          "nothing was written; " + home.configFile() + " is unchanged",
          ExitCodes.CONFIG);
    }
    boolean secret = ConfigSchema.find(key).map(k -> k.secret()).orElse(false);
    context
        .out()
        .println(
            "set " + key + " = " + (secret ? ConfigView.MASK : value) + " in " + home.configFile());
    return ExitCodes.OK;
  }

  @Command(
      name = "path",
      mixinStandardHelpOptions = true,
      description = "Print the path of the config file in use.")
  int path() {
    context.out().println(home.get().configFile());
    return ExitCodes.OK;
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Validate config.toml; print every problem with its line.")
  int check() {
    Path file = home.get().configFile();
    checkModels(config.get());
    context
        .out()
        .println(
            Files.exists(file)
                ? "ok: " + file
                : "ok: "
                    + file
                    + " does not exist; using the defaults (create it with 'localgpt config init')");
    return ExitCodes.OK;
  }

  /** An unknown key is a usage error, not a problem of the file (which nothing has touched). */
  private static void requireKnown(String key) {
    if (ConfigSchema.find(key).isEmpty()) {
      throw new CliException(
          "unknown config key '" + key + "'",
          ConfigSchema.suggest(key).map(s -> "did you mean '" + s + "'? ").orElse("")
              + "'localgpt config show' lists every key",
          ExitCodes.CONFIG);
    }
  }

  /** Every model the config names must be served by a provider we support. */
  private void checkModels(LocalGptConfig loaded) {
    List<ConfigProblem> problems = new ArrayList<>();
    String file = home.get().configFile().getFileName().toString();
    loaded
        .agent()
        .model()
        .ifPresent(model -> checkModel(file, "agent.default_model", model, problems));
    for (String fallback : loaded.agent().fallbackModels()) {
      checkModel(file, "agent.fallback_models", fallback, problems);
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  private static void checkModel(
      String file, String key, String model, List<ConfigProblem> problems) {
    try {
      ProviderWiring.check(model);
    } catch (IllegalArgumentException e) {
      problems.add(
          new ConfigProblem(
              file,
              0,
              key,
              e.getMessage(),
              "name it as provider/model, e.g. "
                  + "anthropic/claude-sonnet-4-5, openai/gpt-4o or ollama/llama3.2"));
    }
  }
}
