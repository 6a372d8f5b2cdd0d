package dev.localgpt.core.chat;

import dev.localgpt.ports.tools.ToolServerStatus;
import java.util.List;
import java.util.Locale;

/** The MCP servers as {@code /mcp} and {@code localgpt mcp list} show them. */
public final class McpTexts {
  private McpTexts() {}

  /** One block per server: name, state, transport and target, its tools, the last problem. */
  public static String servers(List<ToolServerStatus> servers) {
    if (servers.isEmpty()) {
      return "No MCP servers configured. Add one to config.toml:\n"
          + "  [[mcp.servers]]\n  name = \"files\"\n  command = \"npx\"\n"
          + "  args = [\"-y\", \"@modelcontextprotocol/server-filesystem\", \"/tmp\"]";
    }
    StringBuilder out = new StringBuilder("MCP servers:");
    for (ToolServerStatus s : servers) {
      out.append("\n  ")
          .append(s.name())
          .append("  ")
          .append(state(s.state()))
          .append("  (")
          .append(s.transport())
          .append(": ")
          .append(s.target())
          .append(')');
      if (!s.tools().isEmpty()) {
        out.append("\n    tools: ").append(String.join(", ", s.tools()));
      }
      if (!s.problem().isEmpty()) {
        out.append("\n    problem: ").append(s.problem());
      }
    }
    return out.toString();
  }

  private static String state(ToolServerStatus.State state) {
    return switch (state) {
      case NOT_STARTED -> "not started (starts with the first chat turn)";
      default -> state.name().toLowerCase(Locale.ROOT);
    };
  }
}
