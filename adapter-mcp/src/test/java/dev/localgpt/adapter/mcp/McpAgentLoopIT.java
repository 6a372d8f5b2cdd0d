package dev.localgpt.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.agent.AgentListener;
import dev.localgpt.core.agent.AgentLoop;
import dev.localgpt.core.agent.AgentResult;
import dev.localgpt.core.agent.AgentSettings;
import dev.localgpt.core.agent.tools.ApprovalGate;
import dev.localgpt.core.agent.tools.StandardTools;
import dev.localgpt.core.agent.tools.ToolBox;
import dev.localgpt.core.agent.tools.ToolSettings;
import dev.localgpt.core.memory.MemorySearch;
import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.Role;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import dev.localgpt.ports.llm.ToolSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MCP tools of real server processes, offered to and called by core's agent loop with a scripted
 * model.
 */
class McpAgentLoopIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final MemorySearch NO_MEMORY = (query, options) -> List.of();

  @TempDir Path workspace;

  private ToolBox tools(McpToolSource source) {
    return StandardTools.create(
        PathGuard.of(workspace),
        NO_MEMORY,
        null,
        ToolSettings.DEFAULTS,
        ApprovalGate.ALLOW_ALL,
        source);
  }

  @Test
  void theModelSeesTheServersToolsAndItsCallsReachTheServer() {
    try (McpToolSource source =
        new McpToolSource(List.of(TestServers.stdio("test", TIMEOUT, "tools")))) {
      ToolBox tools = tools(source);
      assertThat(tools.refreshRemote()).isEmpty();
      ScriptedChatModel model =
          ScriptedChatModel.replying(
              Reply.tool("mcp_test_echo", JsonObject.of("text", "ping")),
              Reply.tool("mcp_test_crash", JsonObject.EMPTY),
              Reply.text("The server said ping, then it crashed."));

      AgentResult result =
          new AgentLoop(model, tools, AgentSettings.DEFAULTS, "")
              .run(List.of(), "Echo ping, then crash the server.", AgentListener.NONE);

      assertThat(model.requests().get(0).tools())
          .extracting(ToolSpec::name)
          .contains("mcp_test_echo", "mcp_test_fail", "read_file");
      ToolSpec echo =
          model.requests().get(0).tools().stream()
              .filter(t -> t.name().equals("mcp_test_echo"))
              .findFirst()
              .orElseThrow();
      assertThat(echo.parametersSchema().toString()).contains("\"text\"").contains("\"required\"");
      List<ChatMessage> toolResults =
          result.added().stream().filter(m -> m.role() == Role.TOOL).toList();
      assertThat(toolResults.get(0).text()).startsWith("<tool_output id=").contains("echo: ping");
      assertThat(toolResults.get(1).error()).isTrue();
      assertThat(toolResults.get(1).text()).contains("MCP server 'test' exited during the call");
      assertThat(result.text()).isEqualTo("The server said ping, then it crashed.");
      assertThat(tools.refreshRemote()).singleElement().asString().contains("unavailable");
    }
  }

  @Test
  void twoServersWhoseToolNamesClashKeepTheFirstAndReportTheSecondOnce() {
    List<McpServerSettings> servers =
        List.of(
            TestServers.stdio("t", TIMEOUT, "tools", "x_echo"),
            TestServers.stdio("t_x", TIMEOUT, "tools", "echo"));
    try (McpToolSource source = new McpToolSource(servers)) {
      ToolBox tools = tools(source);

      List<String> problems = tools.refreshRemote();

      assertThat(problems)
          .singleElement()
          .asString()
          .contains("'echo' of server 't_x'")
          .contains("mcp_t_x_echo is already taken");
      assertThat(tools.specs())
          .extracting(ToolSpec::name)
          .containsOnlyOnce("mcp_t_x_echo")
          .contains("mcp_t_x_fail", "mcp_t_fail");
      assertThat(
              tools
                  .run(
                      new dev.localgpt.ports.llm.ToolCall(
                          "1", "mcp_t_x_echo", JsonObject.of("text", "hi")))
                  .text())
          .contains("echo: hi");
      assertThat(tools.refreshRemote()).isEmpty();
    }
  }
}
