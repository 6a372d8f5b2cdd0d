package dev.localgpt.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code localgpt} command: global options; the command groups come from {@link
 * Subcommands}.
 */
@Command(
    name = "localgpt",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "A local-first AI assistant with persistent Markdown memory.",
    footer = {
      "",
      "Environment: LOCALGPT_HOME (default ~/.localgpt), LOCALGPT_CONFIG,",
      "  LOCALGPT_WORKSPACE, ANTHROPIC_API_KEY, OPENAI_API_KEY, OLLAMA_HOST.",
      "Exit codes: 0 ok, 1 error, 2 config or usage error, 3 model provider error."
    })
final class LocalGptCommand implements Runnable {
  private final CliContext context;

  @Spec CommandSpec spec;

  LocalGptCommand(CliContext context) {
    this.context = context;
  }

  @Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description = "Config file (default: $LOCALGPT_CONFIG, else <home>/config.toml).")
  void configFile(Path file) {
    context.configFile(file);
  }

  @Override
  public void run() {
    spec.commandLine().usage(context.out());
  }
}
