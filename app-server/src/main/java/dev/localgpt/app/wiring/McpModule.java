package dev.localgpt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.localgpt.adapter.mcp.McpServerSettings;
import dev.localgpt.adapter.mcp.McpToolSource;
import dev.localgpt.adapter.mcp.MemoryMcpEndpoint;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.config.McpConfig;
import dev.localgpt.core.mcp.WorkspaceMemoryOperations;
import dev.localgpt.core.memory.IndexListener;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.workspace.Workspace;
import dev.localgpt.ports.memory.MemoryOperations;
import dev.localgpt.ports.tools.ToolSource;
import dev.localgpt.server.StatusHttpService;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * MCP both ways: binds the {@link ToolSource} port to the user's {@code [[mcp.servers]]}
 * (adapter-mcp; nothing starts until a chat turn asks for tools, and every server is stopped when
 * the injector's {@link Resources} close or the JVM exits), and the {@link MemoryOperations} port,
 * which {@code localgpt mcp-server} (stdio) and the server's {@code /mcp} route (streamable HTTP)
 * serve, to core's {@link WorkspaceMemoryOperations}.
 */
public final class McpModule extends AbstractModule {
  static final Duration ENDPOINT_TIMEOUT = Duration.ofSeconds(60);

  @Provides
  @Singleton
  ToolSource toolSource(LocalGptConfig config, Resources resources) {
    if (config.mcp().servers().isEmpty()) {
      return ToolSource.NONE;
    }
    McpToolSource source = new McpToolSource(settings(config.mcp()));
    resources.register(source);
    resources.register(new StopAtExit(source));
    return source;
  }

  @Provides
  @Singleton
  MemoryOperations memoryOperations(
      MemoryService memory, Workspace workspace, LocalGptConfig config, Clock clock) {
    return new WorkspaceMemoryOperations(
        memory,
        workspace.guard(),
        memory::stats,
        clock,
        config.heartbeat().zoneOr(ZoneId.systemDefault()),
        () -> memory.update(MemoryService.SEARCH_EMBED_BUDGET, IndexListener.NONE));
  }

  /** The memory tools over streamable HTTP, for the server's {@code /mcp} route. */
  @Provides
  @Singleton
  MemoryMcpEndpoint memoryEndpoint(MemoryOperations memory, Resources resources) {
    return resources.register(
        new MemoryMcpEndpoint(memory, StatusHttpService.version(), ENDPOINT_TIMEOUT));
  }

  /** The adapter's settings for the configured servers. */
  static List<McpServerSettings> settings(McpConfig config) {
    return config.servers().stream()
        .map(
            s ->
                new McpServerSettings(
                    s.name(),
                    McpServerSettings.Transport.valueOf(s.transport().toUpperCase(Locale.ROOT)),
                    s.command(),
                    s.args(),
                    s.env(),
                    s.url(),
                    s.enabled(),
                    s.timeout()))
        .toList();
  }

  /**
   * Stops the servers when the JVM exits without closing the injector (Ctrl-C, SIGTERM); removed on
   * close.
   */
  static final class StopAtExit implements AutoCloseable {
    private final Thread hook;

    StopAtExit(AutoCloseable resource) {
      this.hook =
          new Thread(
              () -> {
                try {
                  resource.close();
                } catch (Exception e) {
                  // exiting anyway
                }
              },
              "localgpt-mcp-stop");
      Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down: the hook runs
      }
    }
  }
}
