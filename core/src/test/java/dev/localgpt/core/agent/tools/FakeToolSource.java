package dev.localgpt.core.agent.tools;

import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.tools.RemoteTool;
import dev.localgpt.ports.tools.ToolResult;
import dev.localgpt.ports.tools.ToolServerStatus;
import dev.localgpt.ports.tools.ToolSnapshot;
import dev.localgpt.ports.tools.ToolSource;
import dev.localgpt.ports.tools.ToolSourceException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A scripted {@link ToolSource}: fixed tools, problems handed out once, calls answered by a
 * function.
 */
final class FakeToolSource implements ToolSource {
  final List<RemoteTool> tools = new ArrayList<>();
  final List<String> problems = new ArrayList<>();
  final List<String> calls = new ArrayList<>();
  Function<String, ToolResult> answer = args -> new ToolResult("ok " + args, false);
  int refreshes;
  boolean down;

  FakeToolSource tool(String server, String name) {
    tools.add(
        new RemoteTool(
            server,
            name,
            "Does " + name + ".",
            JsonObject.builder().put("type", "object").build()));
    return this;
  }

  @Override
  public synchronized ToolSnapshot refresh() {
    refreshes++;
    ToolSnapshot snapshot = new ToolSnapshot(down ? List.of() : tools, problems);
    problems.clear();
    return snapshot;
  }

  @Override
  public synchronized ToolResult call(String server, String tool, JsonObject arguments) {
    calls.add(server + "/" + tool + " " + arguments);
    if (down) {
      throw new ToolSourceException("MCP server '" + server + "' exited during the call");
    }
    return answer.apply(arguments.toString());
  }

  @Override
  public List<ToolServerStatus> status() {
    return List.of();
  }

  @Override
  public void close() {}
}
