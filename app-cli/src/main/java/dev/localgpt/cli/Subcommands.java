package dev.localgpt.cli;

import dev.localgpt.cli.commands.AskCommand;
import dev.localgpt.cli.commands.BenchCommand;
import dev.localgpt.cli.commands.ChatCommand;
import dev.localgpt.cli.commands.ConfigCommand;
import dev.localgpt.cli.commands.MemoryCommand;
import dev.localgpt.cli.commands.SessionsCommand;
import dev.localgpt.cli.commands.WorkspaceCommand;
import java.util.List;

/**
 * Every command group of {@code localgpt}. To add one (chat, ask, memory, daemon, ...), write a class in {@code
 * dev.localgpt.cli.commands} annotated with picocli's {@code @Command} (with a constructor taking {@link CliContext}
 * if it needs the environment, the config or the injector) and add one line here.
 */
public final class Subcommands {
  static final List<Class<?>> ALL = List.of(
      ConfigCommand.class,
      WorkspaceCommand.class,
      ChatCommand.class,
      AskCommand.class,
      SessionsCommand.class,
      MemoryCommand.class,
      BenchCommand.class);

  private Subcommands() {}
}
