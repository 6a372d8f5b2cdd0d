package dev.localgpt.core.agent.tools;

import dev.localgpt.ports.llm.ToolSpec;
import dev.localgpt.ports.tools.RemoteTool;
import dev.localgpt.ports.tools.ToolResult;
import dev.localgpt.ports.tools.ToolSource;
import dev.localgpt.ports.tools.ToolSourceException;

/**
 * A tool of an MCP server as the model sees it: {@code mcp_<server>_<tool>} with the server's
 * description and schema. The server's answer is untrusted text like any tool output (the {@link
 * ToolBox} fences it); a server failure becomes an error result, so the chat goes on.
 */
final class RemoteToolAdapter implements Tool {
  private final ToolSpec spec;
  private final RemoteTool tool;
  private final ToolSource source;

  RemoteToolAdapter(String name, RemoteTool tool, ToolSource source) {
    String description =
        tool.description().isBlank()
            ? "Tool '" + tool.name() + "' of MCP server '" + tool.server() + "'."
            : tool.description().strip() + " (MCP server '" + tool.server() + "')";
    this.spec = new ToolSpec(name, description, tool.inputSchema());
    this.tool = tool;
    this.source = source;
  }

  @Override
  public ToolSpec spec() {
    return spec;
  }

  @Override
  public String detail(JsonArgs args) {
    return tool.server();
  }

  @Override
  public ToolOutcome execute(JsonArgs args) {
    try {
      ToolResult result = source.call(tool.server(), tool.name(), args.object());
      return result.error()
          ? ToolOutcome.error("Error from " + spec.name() + ": " + result.text())
          : ToolOutcome.ok(result.text());
    } catch (ToolSourceException e) {
      return ToolOutcome.error(
          "Error: "
              + e.getMessage()
              + ". Its tools are unavailable for now; continue without "
              + "them.");
    }
  }
}
