package dev.localgpt.adapter.mcp;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One MCP server to use, as {@code [[mcp.servers]]} describes it.
 *
 * @param name the server's name; its tools reach the model as {@code mcp_<name>_<tool>}
 * @param transport how to reach it
 * @param command the program to start (stdio)
 * @param args its arguments (stdio)
 * @param env extra environment variables for it (stdio)
 * @param url the streamable HTTP endpoint (http)
 * @param enabled whether to use it at all
 * @param timeout how long starting it, listing its tools or one call may take
 */
public record McpServerSettings(
    String name,
    Transport transport,
    String command,
    List<String> args,
    Map<String, String> env,
    String url,
    boolean enabled,
    Duration timeout) {

  /** How a server is reached. */
  public enum Transport {
    /** A child process speaking newline-delimited JSON-RPC on stdin/stdout. */
    STDIO,
    /** A streamable HTTP endpoint. */
    HTTP
  }

  public McpServerSettings {
    Objects.requireNonNull(name, "'name' must not be null");
    Objects.requireNonNull(transport, "'transport' must not be null");
    Objects.requireNonNull(timeout, "'timeout' must not be null");
    command = command == null ? "" : command;
    args = List.copyOf(args);
    env = Map.copyOf(env);
    url = url == null ? "" : url;
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("'timeout' must be > 0, was " + timeout);
    }
    if (transport == Transport.STDIO && command.isBlank()) {
      throw new IllegalArgumentException("a stdio server needs a 'command'");
    }
    if (transport == Transport.HTTP && url.isBlank()) {
      throw new IllegalArgumentException("an http server needs a 'url'");
    }
  }

  /** A stdio server, enabled. */
  public static McpServerSettings stdio(
      String name, String command, List<String> args, Duration timeout) {
    return new McpServerSettings(name, Transport.STDIO, command, args, Map.of(), "", true, timeout);
  }

  /** The command line or URL, for {@code mcp list}. */
  public String target() {
    if (transport == Transport.HTTP) {
      return url;
    }
    return args.isEmpty() ? command : command + " " + String.join(" ", args);
  }

  public String transportName() {
    return transport.name().toLowerCase(java.util.Locale.ROOT);
  }
}
