package dev.localgpt.cli;

import dev.localgpt.cli.commands.AskCommand;
import dev.localgpt.cli.commands.BenchCommand;
import dev.localgpt.cli.commands.ChatCommand;
import dev.localgpt.cli.commands.ConfigCommand;
import dev.localgpt.cli.commands.DaemonCommand;
import dev.localgpt.cli.commands.HeartbeatCommand;
import dev.localgpt.cli.commands.MemoryCommand;
import dev.localgpt.cli.commands.SessionsCommand;
import dev.localgpt.cli.commands.WorkspaceCommand;
import java.util.List;

/**
 * Every command group of {@code localgpt}. To add one (chat, ask, memory, daemon, ...), write a class in {@code
 * dev.localgpt.cli.commands} annotated with picocli's {@code @Command}, with an {@code @Inject} constructor taking
 * what it needs ({@link CliContext} for the output, {@code Provider<T>} for anything that loads the config, so that
 * parsing and {@code --help} stay cheap), and add one line here.
 */
public final class Subcommands {
  static final List<Class<?>> ALL = List.of(
      ConfigCommand.class,
      WorkspaceCommand.class,
      ChatCommand.class,
      AskCommand.class,
      SessionsCommand.class,
      MemoryCommand.class,
      BenchCommand.class,
      HeartbeatCommand.class,
      DaemonCommand.class);

  private Subcommands() {}
}
