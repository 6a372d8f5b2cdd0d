package dev.localgpt.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code [[mcp.servers]]}: the user's MCP servers, whose tools reach the agent as {@code
 * mcp_<name>_<tool>}.
 *
 * @param servers in file order, names unique
 */
public record McpConfig(List<Server> servers) {
  public static final McpConfig NONE = new McpConfig(List.of());
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  public static final List<String> TRANSPORTS = List.of("stdio", "http");

  public McpConfig {
    servers = List.copyOf(servers);
  }

  /**
   * One server.
   *
   * @param name letters, digits, {@code _} and {@code -}
   * @param transport {@code stdio} (a child process) or {@code http} (streamable HTTP)
   * @param command the program (stdio)
   * @param args its arguments (stdio)
   * @param env extra environment variables for it, {@code ${VAR}} expanded (stdio)
   * @param url the endpoint (http)
   * @param enabled whether to use it (default true)
   * @param timeout for starting it, listing its tools and each call (default 30s)
   */
  public record Server(
      String name,
      String transport,
      String command,
      List<String> args,
      Map<String, String> env,
      String url,
      boolean enabled,
      Duration timeout) {
    public Server {
      Objects.requireNonNull(name, "'name' must not be null");
      Objects.requireNonNull(transport, "'transport' must not be null");
      command = command == null ? "" : command;
      args = List.copyOf(args);
      env = Map.copyOf(env);
      url = url == null ? "" : url;
      Objects.requireNonNull(timeout, "'timeout' must not be null");
    }
  }
}
