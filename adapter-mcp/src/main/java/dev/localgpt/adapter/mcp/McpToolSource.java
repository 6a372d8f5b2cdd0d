package dev.localgpt.adapter.mcp;

import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.tools.RemoteTool;
import dev.localgpt.ports.tools.ToolResult;
import dev.localgpt.ports.tools.ToolServerStatus;
import dev.localgpt.ports.tools.ToolSnapshot;
import dev.localgpt.ports.tools.ToolSource;
import dev.localgpt.ports.tools.ToolSourceException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The user's MCP servers behind the {@link ToolSource} port, with the official MCP Java SDK (stdio
 * and streamable HTTP). Servers start lazily, together, on the first {@link #refresh()}; see {@link
 * ToolSource} for failures and restarts. {@link #close()} stops every server process and its
 * children; call it when the application ends.
 */
public final class McpToolSource implements ToolSource {
  private final Map<String, ServerConnection> servers = new LinkedHashMap<>();

  public McpToolSource(List<McpServerSettings> settings) {
    this(settings, Clock.systemUTC());
  }

  /** With the clock that times restart backoffs. */
  public McpToolSource(List<McpServerSettings> settings, Clock clock) {
    for (McpServerSettings s : settings) {
      if (servers.putIfAbsent(s.name(), new ServerConnection(s, clock)) != null) {
        throw new IllegalArgumentException(
            "two MCP servers are named '" + s.name() + "'; give each a unique name");
      }
    }
  }

  @Override
  public ToolSnapshot refresh() {
    startAll();
    List<RemoteTool> tools = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (ServerConnection server : servers.values()) {
      tools.addAll(server.tools());
      server.takeProblem().ifPresent(problems::add);
    }
    return new ToolSnapshot(tools, problems);
  }

  /**
   * Starts the servers that need it at the same time, so one slow server costs its own timeout
   * only.
   */
  private void startAll() {
    if (servers.size() == 1) {
      servers.values().iterator().next().ensureStarted();
      return;
    }
    try (ExecutorService starts = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> pending = new ArrayList<>();
      for (ServerConnection server : servers.values()) {
        pending.add(starts.submit(server::ensureStarted));
      }
      for (Future<?> f : pending) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          // ensureStarted records its own failures; anything else is a bug worth seeing in the log
          System.getLogger(McpToolSource.class.getName())
              .log(
                  System.Logger.Level.ERROR,
                  "starting an MCP server failed unexpectedly",
                  e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public ToolResult call(String server, String tool, JsonObject arguments) {
    ServerConnection connection = servers.get(server);
    if (connection == null) {
      throw new ToolSourceException("no MCP server named '" + server + "' is configured");
    }
    return connection.call(tool, arguments);
  }

  @Override
  public List<ToolServerStatus> status() {
    return servers.values().stream().map(ServerConnection::status).toList();
  }

  @Override
  public void close() {
    servers.values().forEach(ServerConnection::close);
  }
}
