package dev.localgpt.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import dev.localgpt.ports.tools.RemoteTool;
import dev.localgpt.ports.tools.ToolResult;
import dev.localgpt.ports.tools.ToolServerStatus;
import dev.localgpt.ports.tools.ToolServerStatus.State;
import dev.localgpt.ports.tools.ToolSnapshot;
import dev.localgpt.ports.tools.ToolSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chat with MCP servers: their tools each turn, problems as notices once, {@code /mcp}. */
class McpChatTest {
  @TempDir Path workspace;

  /** One working server ("notes") and one that failed once ("broken"). */
  static final class TwoServers implements ToolSource {
    private boolean reported;
    int refreshes;

    @Override
    public synchronized ToolSnapshot refresh() {
      refreshes++;
      List<String> problems =
          reported ? List.of() : List.of("MCP server 'broken' did not start: boom");
      reported = true;
      return new ToolSnapshot(
          List.of(new RemoteTool("notes", "lookup", "Looks things up.", JsonObject.EMPTY)),
          problems);
    }

    @Override
    public ToolResult call(String server, String tool, JsonObject arguments) {
      return new ToolResult("the answer is 42", false);
    }

    @Override
    public List<ToolServerStatus> status() {
      return List.of(
          new ToolServerStatus(
              "notes", "stdio", "notes-server --fast", State.RUNNING, List.of("lookup"), ""),
          new ToolServerStatus(
              "broken", "http", "http://127.0.0.1:9/mcp", State.FAILED, List.of(), "boom"));
    }

    @Override
    public void close() {}
  }

  @Test
  void toolsAreRefreshedEachTurnAndAServerProblemIsANoticeOnce() {
    ChatFixture fixture = new ChatFixture(workspace);
    TwoServers servers = new TwoServers();
    ScriptedChatModel model =
        ScriptedChatModel.replying(
            Reply.tool("mcp_notes_lookup", JsonObject.of("q", "meaning")),
            Reply.text("It is 42."),
            Reply.text("Still 42."));
    ChatService chat = ChatService.start(fixture.setup(model).toolSource(servers).build());
    List<String> notices = new ArrayList<>();
    ChatStreamListener listener =
        new ChatStreamListener() {
          @Override
          public void onNotice(String message) {
            notices.add(message);
          }
        };

    TurnResult first = chat.send("What is the meaning?", listener);
    chat.send("And again?", listener);

    assertThat(first.text()).isEqualTo("It is 42.");
    assertThat(servers.refreshes).isEqualTo(2);
    assertThat(notices).containsExactly("MCP server 'broken' did not start: boom");
    assertThat(model.requests().get(0).tools()).anyMatch(t -> t.name().equals("mcp_notes_lookup"));
    assertThat(chat.history().toString()).contains("the answer is 42");
  }

  @Test
  void slashMcpListsServersStateAndTools() {
    ChatFixture fixture = new ChatFixture(workspace);
    ChatService chat =
        ChatService.start(
            fixture.setup(ScriptedChatModel.replying()).toolSource(new TwoServers()).build());

    CommandResult result = new SlashCommands(chat, null, null).handle("/mcp");

    assertThat(result).isInstanceOf(CommandResult.Reply.class);
    String text = ((CommandResult.Reply) result).text();
    assertThat(text)
        .contains("notes  running  (stdio: notes-server --fast)")
        .contains("tools: lookup")
        .contains("broken  failed  (http: http://127.0.0.1:9/mcp)")
        .contains("problem: boom");
    ChatService none = ChatService.start(fixture.setup(ScriptedChatModel.replying()).build());
    assertThat(((CommandResult.Reply) new SlashCommands(none, null, null).handle("/mcp")).text())
        .startsWith("No MCP servers configured")
        .contains("[[mcp.servers]]");
  }
}
