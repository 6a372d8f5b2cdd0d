package dev.localgpt.adapter.mcp;

import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.tools.RemoteTool;
import dev.localgpt.ports.tools.ToolResult;
import dev.localgpt.ports.tools.ToolServerStatus;
import dev.localgpt.ports.tools.ToolServerStatus.State;
import dev.localgpt.ports.tools.ToolSourceException;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One configured MCP server and its life cycle: started on first use, failed (reported once, tools
 * gone) when it does not start, stops answering, dies or answers nonsense, and started again on a
 * later {@link #ensureStarted()} once its backoff (1 s, doubling up to 5 min) has passed. Calls to
 * one server run one at a time.
 */
final class ServerConnection {
  private static final System.Logger LOG = System.getLogger(ServerConnection.class.getName());
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
  private static final Duration STOP_GRACE = Duration.ofSeconds(2);

  private final McpServerSettings settings;
  private final Clock clock;
  private final Object lifecycle = new Object();
  private volatile State state;
  private volatile List<RemoteTool> tools = List.of();
  private volatile String problem = "";
  private volatile McpSyncClient client;
  private volatile Started started;
  private volatile int generation;
  private volatile boolean closed;
  private int failures;
  private Instant retryAt = Instant.MIN;
  private String unreported;

  ServerConnection(McpServerSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.state = settings.enabled() ? State.NOT_STARTED : State.DISABLED;
  }

  String name() {
    return settings.name();
  }

  /** Starts the server when it is not running and may be (re)started now. */
  void ensureStarted() {
    synchronized (lifecycle) {
      if (closed || state == State.DISABLED || state == State.RUNNING) {
        return;
      }
      if (state == State.FAILED && clock.instant().isBefore(retryAt)) {
        return;
      }
      start();
    }
  }

  private void start() {
    int gen = ++generation;
    Instant since = Instant.now();
    Optional<String> missing = Transports.missingCommand(settings);
    if (missing.isPresent()) {
      fail(missing.get());
      return;
    }
    Started next = Transports.open(settings);
    McpSyncClient c =
        McpClient.sync(next.transport())
            .requestTimeout(settings.timeout())
            .initializationTimeout(settings.timeout())
            .clientInfo(new McpSchema.Implementation("localgpt", "LocalGPT", Transports.VERSION))
            .build();
    client = c;
    started = next;
    next.watch(since, settings.timeout(), () -> died(gen));
    try {
      c.initialize();
      tools = listTools(c);
      failures = 0;
      problem = "";
      state = State.RUNNING;
      LOG.log(
          System.Logger.Level.INFO,
          () -> "MCP server '" + name() + "' started with " + tools.size() + " tools");
    } catch (RuntimeException e) {
      fail(
          (next.exited()
                  ? "exited while starting"
                  : "did not start: " + Failures.describe(e, settings.timeout()))
              + (settings.transport() == McpServerSettings.Transport.HTTP
                  ? " at " + settings.url()
                  : "")
              + next.stderrTail());
    }
  }

  private List<RemoteTool> listTools(McpSyncClient c) {
    List<RemoteTool> found = new ArrayList<>();
    String cursor = null;
    do {
      McpSchema.ListToolsResult page = cursor == null ? c.listTools() : c.listTools(cursor);
      for (McpSchema.Tool tool : page.tools()) {
        found.add(
            new RemoteTool(
                name(),
                tool.name(),
                tool.description(),
                JsonConversion.object(tool.inputSchema())));
      }
      cursor = page.nextCursor();
    } while (cursor != null && !cursor.isEmpty());
    return List.copyOf(found);
  }

  /** Calls one tool; a failure of the server (not of the tool) marks it failed and throws. */
  ToolResult call(String tool, JsonObject arguments) {
    synchronized (lifecycle) {
      if (state != State.RUNNING) {
        throw new ToolSourceException(
            "MCP server '"
                + name()
                + "' is not running"
                + (problem.isEmpty() ? "" : " (" + problem + ")"));
      }
      try {
        McpSchema.CallToolResult result =
            client.callTool(new McpSchema.CallToolRequest(tool, JsonConversion.map(arguments)));
        return ToolResults.of(result);
      } catch (McpError e) {
        if (e.getJsonRpcError() != null) {
          return new ToolResult(
              "MCP error " + e.getJsonRpcError().code() + ": " + e.getJsonRpcError().message(),
              true);
        }
        throw failedCall(e);
      } catch (RuntimeException e) {
        throw failedCall(e);
      }
    }
  }

  private ToolSourceException failedCall(RuntimeException e) {
    String tail = started == null ? "" : started.stderrTail();
    String why =
        started != null && started.exited()
            ? "exited during the call" + tail
            : "failed during the call: " + Failures.describe(e, settings.timeout()) + tail;
    fail(why);
    return new ToolSourceException("MCP server '" + name() + "' " + why, e);
  }

  /** The process ended on its own: stop the session so a waiting call returns at once. */
  private void died(int gen) {
    McpSyncClient c = client;
    if (c != null && gen == generation) {
      c.close();
    }
  }

  private void fail(String why) {
    problem = why;
    tools = List.of();
    state = State.FAILED;
    failures++;
    long factor = 1L << Math.min(20, failures - 1);
    Duration backoff = FIRST_BACKOFF.multipliedBy(factor);
    retryAt = clock.instant().plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff);
    if (failures == 1 && !closed) {
      unreported =
          "MCP server '"
              + name()
              + "' "
              + why
              + "; its tools are unavailable, retrying on a later turn";
    }
    LOG.log(System.Logger.Level.INFO, () -> "MCP server '" + name() + "' " + why);
    stopProcess();
  }

  private void stopProcess() {
    McpSyncClient c = client;
    Started s = started;
    client = null;
    started = null;
    if (s != null) {
      s.stop(STOP_GRACE);
    }
    if (c != null) {
      c.close();
    }
  }

  /** The failure to report since the last call, once per run of failures. */
  Optional<String> takeProblem() {
    synchronized (lifecycle) {
      Optional<String> p = Optional.ofNullable(unreported);
      unreported = null;
      return p;
    }
  }

  List<RemoteTool> tools() {
    return tools;
  }

  ToolServerStatus status() {
    return new ToolServerStatus(
        name(),
        settings.transportName(),
        settings.target(),
        state,
        tools.stream().map(RemoteTool::name).toList(),
        problem);
  }

  /** Stops the server now, also while a call waits on it (that call then fails at once). */
  void close() {
    closed = true;
    generation++;
    Started s = started;
    McpSyncClient c = client;
    if (s != null) {
      s.stop(STOP_GRACE);
    }
    if (c != null) {
      c.close();
    }
    synchronized (lifecycle) {
      stopProcess();
      if (state == State.RUNNING) {
        state = State.NOT_STARTED;
        tools = List.of();
      }
    }
  }
}
