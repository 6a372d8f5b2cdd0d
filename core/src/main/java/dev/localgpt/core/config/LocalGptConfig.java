package dev.localgpt.core.config;

import dev.localgpt.core.workspace.LocalGptHome;
import java.util.Objects;

/**
 * The whole configuration: immutable, validated, with the defaults of the Rust LocalGPT's {@code
 * config.toml} (except that {@code agent.default_model} defaults to empty, meaning auto-detect).
 */
public record LocalGptConfig(
    AgentConfig agent,
    ProvidersConfig providers,
    HeartbeatConfig heartbeat,
    MemoryConfig memory,
    ServerConfig server,
    ToolsConfig tools,
    LoggingConfig logging,
    McpConfig mcp) {
  public LocalGptConfig {
    Objects.requireNonNull(agent, "'agent' must not be null");
    Objects.requireNonNull(providers, "'providers' must not be null");
    Objects.requireNonNull(heartbeat, "'heartbeat' must not be null");
    Objects.requireNonNull(memory, "'memory' must not be null");
    Objects.requireNonNull(server, "'server' must not be null");
    Objects.requireNonNull(tools, "'tools' must not be null");
    Objects.requireNonNull(logging, "'logging' must not be null");
    Objects.requireNonNull(mcp, "'mcp' must not be null");
  }

  /** A configuration without MCP servers. */
  public LocalGptConfig(
      AgentConfig agent,
      ProvidersConfig providers,
      HeartbeatConfig heartbeat,
      MemoryConfig memory,
      ServerConfig server,
      ToolsConfig tools,
      LoggingConfig logging) {
    this(agent, providers, heartbeat, memory, server, tools, logging, McpConfig.NONE);
  }

  /** Every default, for a home with no config file and an empty environment. */
  public static LocalGptConfig defaults(LocalGptHome home) {
    return new LocalGptConfig(
        AgentConfig.DEFAULTS,
        ProvidersConfig.NONE,
        HeartbeatConfig.DEFAULTS,
        MemoryConfig.defaults(home.defaultWorkspace()),
        ServerConfig.DEFAULTS,
        ToolsConfig.DEFAULTS,
        new LoggingConfig("info", home.logsDir().resolve("agent.log"), 0));
  }
}
