package dev.localgpt.cli;

import dev.localgpt.cli.commands.AskCommand;
import dev.localgpt.cli.commands.BenchCommand;
import dev.localgpt.cli.commands.ChatCommand;
import dev.localgpt.cli.commands.ConfigCommand;
import dev.localgpt.cli.commands.DaemonCommand;
import dev.localgpt.cli.commands.HeartbeatCommand;
import dev.localgpt.cli.commands.McpCommand;
import dev.localgpt.cli.commands.McpServerCommand;
import dev.localgpt.cli.commands.MemoryCommand;
import dev.localgpt.cli.commands.SecurityCommand;
import dev.localgpt.cli.commands.SessionsCommand;
import dev.localgpt.cli.commands.SkillsCommand;
import dev.localgpt.cli.commands.WorkspaceCommand;
import java.util.List;

/**
 * Every command group of {@code localgpt}. To add one (chat, ask, memory, daemon, ...), write a
 * class in {@code dev.localgpt.cli.commands} annotated with picocli's {@code @Command}, with an
 * {@code @Inject} constructor taking what it needs ({@link CliContext} for the output, {@code
 * Provider<T>} for anything that loads the config, so that parsing and {@code --help} stay cheap),
 * and add one line here.
 */
public final class Subcommands {
  static final List<Class<?>> ALL =
      List.of(
          ConfigCommand.class,
          WorkspaceCommand.class,
          ChatCommand.class,
          AskCommand.class,
          SessionsCommand.class,
          MemoryCommand.class,
          BenchCommand.class,
          SkillsCommand.class,
          SecurityCommand.class,
          HeartbeatCommand.class,
          DaemonCommand.class,
          McpCommand.class,
          McpServerCommand.class);

  private Subcommands() {}

  /**
   * The one group named by the first argument (e.g. {@code memory} for {@code memory search x}), so
   * a run builds picocli's model of that group only; every group when the first argument is an
   * option or no group's name (help, usage errors and suggestions then see them all).
   */
  static List<Class<?>> only(String... args) {
    if (args.length == 0) {
      return ALL;
    }
    for (Class<?> group : ALL) {
      picocli.CommandLine.Command command = group.getAnnotation(picocli.CommandLine.Command.class);
      if (command != null
          && (command.name().equals(args[0]) || List.of(command.aliases()).contains(args[0]))) {
        return List.of(group);
      }
    }
    return ALL;
  }
}
