package dev.localgpt.cli.commands;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.localgpt.cli.CliContext;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.core.chat.McpTexts;
import dev.localgpt.ports.tools.ToolServerStatus;
import dev.localgpt.ports.tools.ToolSnapshot;
import dev.localgpt.ports.tools.ToolSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code localgpt mcp list [--json]}: the configured MCP servers, started once to show their state
 * and tools.
 */
@Command(
    name = "mcp",
    description = "The MCP servers of [[mcp.servers]] whose tools the agent uses.",
    mixinStandardHelpOptions = true)
public final class McpCommand implements Runnable {
  @Inject private CliContext context;
  @Inject private Provider<ToolSource> tools;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list");
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description =
          "Start each enabled server, then show its state, tools and problem; the servers stop again.")
  int list(@Option(names = "--json", description = "Print JSON.") boolean json) {
    ToolSource source = tools.get();
    ToolSnapshot snapshot = source.refresh();
    List<ToolServerStatus> servers = source.status();
    if (json) {
      context.printJson(servers.stream().map(McpCommand::row).toList());
    } else {
      context.out().println(McpTexts.servers(servers));
    }
    boolean failed = servers.stream().anyMatch(s -> s.state() == ToolServerStatus.State.FAILED);
    if (!json) {
      snapshot.problems().forEach(p -> context.err().println("warning: " + p));
    }
    return failed ? ExitCodes.GENERAL : ExitCodes.OK;
  }

  private static Map<String, Object> row(ToolServerStatus s) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", s.name());
    row.put("transport", s.transport());
    row.put("target", s.target());
    row.put("state", s.state().name().toLowerCase(Locale.ROOT));
    row.put("tools", s.tools());
    row.put("problem", s.problem());
    return row;
  }
}
