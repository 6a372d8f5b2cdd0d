package dev.localgpt.core.config;

import dev.localgpt.core.workspace.LocalGptHome;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link LocalGptConfig} from raw values, the home and the environment: applies defaults,
 * checks every value, expands {@code ${VAR}} in secret fields, applies environment fallbacks, and
 * reports all problems at once.
 */
public final class ConfigBinder {
  private final LocalGptHome home;
  private final Map<String, String> env;

  /**
   * @param home where relative defaults point
   * @param env the process environment (passed in, never read from the system here)
   */
  public ConfigBinder(LocalGptHome home, Map<String, String> env) {
    this.home = home;
    this.env = Map.copyOf(env);
  }

  /**
   * Binds every section.
   *
   * @throws ConfigException listing every problem found
   */
  public LocalGptConfig bind(ConfigSource source) {
    ValueReader in = new ValueReader(source);
    LocalGptConfig defaults = LocalGptConfig.defaults(home);
    AgentConfig agent =
        new AgentConfig(
            in.string("agent.default_model", ""),
            in.integer("agent.context_window", defaults.agent().contextWindow(), 1),
            in.integer("agent.reserve_tokens", defaults.agent().reserveTokens(), 0),
            in.integer("agent.max_tokens", defaults.agent().maxTokens(), 1),
            in.strings("agent.fallback_models", List.of()));
    ProvidersConfig providers = new ProviderBinder(in, env).bind();
    HeartbeatConfig heartbeat = heartbeat(in);
    MemoryConfig memory = memory(in, defaults.memory());
    Optional<String> authToken =
        in.string("server.auth_token")
            .flatMap(value -> EnvExpansion.expand(value, env))
            .filter(value -> !value.isBlank());
    ServerConfig server =
        new ServerConfig(
            in.bool("server.enabled", true),
            (int) in.integer("server.port", 31_327, 1, 65_535),
            nonBlank(in, "server.bind", "127.0.0.1"),
            authToken,
            ServerLists.origins(in, "server.cors_origins"),
            ServerLists.hosts(in, "server.allowed_hosts"),
            new UsersBinder(in, home, env).bind(authToken, memory));
    ToolsConfig tools =
        new ToolsConfig(
            in.integer("tools.bash_timeout_ms", 30_000, 1, Long.MAX_VALUE),
            in.integer("tools.web_fetch_max_bytes", 10_000, 1, Long.MAX_VALUE),
            in.integer("tools.tool_output_max_chars", 50_000, 1),
            in.strings("tools.require_approval", List.of()),
            in.bool("tools.bash_enabled", false),
            in.strings("tools.web_fetch_allowed_domains", List.of()),
            in.bool("tools.bash_network", false),
            in.strings("tools.allow_after_untrusted", List.of()));
    LoggingConfig logging =
        new LoggingConfig(
            in.choice("logging.level", LoggingConfig.LEVELS, "info"),
            in.string("logging.file")
                .map(file -> LocalGptHome.expandTilde(file, env))
                .orElse(defaults.logging().file()),
            in.integer("logging.retention_days", 0, 0));
    McpConfig mcp = new McpBinder(in, env).bind();
    if (!in.problems().isEmpty()) {
      throw new ConfigException(in.problems());
    }
    return new LocalGptConfig(agent, providers, heartbeat, memory, server, tools, logging, mcp);
  }

  static String nonBlank(ValueReader in, String key, String fallback) {
    String value = in.string(key, fallback);
    if (value.isBlank()) {
      in.problem(key, "must not be empty", "remove the line to use \"" + fallback + "\"");
      return fallback;
    }
    return value;
  }

  private HeartbeatConfig heartbeat(ValueReader in) {
    boolean enabled = in.bool("heartbeat.enabled", true);
    var interval = in.duration("heartbeat.interval", HeartbeatConfig.DEFAULTS.interval());
    Optional<LocalTime> start = in.time("heartbeat.active_hours.start", false);
    Optional<LocalTime> end = in.time("heartbeat.active_hours.end", true);
    Optional<ActiveHours> hours = Optional.empty();
    if (start.isPresent() || end.isPresent()) {
      hours =
          Optional.of(new ActiveHours(start.orElse(LocalTime.MIDNIGHT), end.orElse(LocalTime.MAX)));
    } else {
      hours = Optional.of(HeartbeatConfig.DEFAULT_ACTIVE_HOURS);
    }
    Optional<ZoneId> zone = Optional.empty();
    Optional<String> zoneText = in.string("heartbeat.timezone").filter(text -> !text.isBlank());
    if (zoneText.isPresent() && !zoneText.get().equals("local")) {
      try {
        zone = Optional.of(ZoneId.of(zoneText.get()));
      } catch (DateTimeException e) {
        in.problem(
            "heartbeat.timezone",
            "unknown time zone '" + zoneText.get() + "'",
            "use an IANA id like \"Europe/Berlin\", or remove it for the machine's zone");
      }
    }
    Optional<String> model =
        in.string("heartbeat.model").map(String::strip).filter(text -> !text.isEmpty());
    long budget = in.integer("heartbeat.daily_token_budget", 0, 0, Long.MAX_VALUE);
    Optional<Duration> timeout =
        in.has("heartbeat.timeout")
            ? Optional.of(in.duration("heartbeat.timeout", interval.dividedBy(2)))
            : Optional.empty();
    if (timeout.isPresent() && timeout.get().compareTo(interval) > 0) {
      in.problem(
          "heartbeat.timeout",
          "must not be longer than heartbeat.interval ("
              + Durations.format(interval)
              + "), was "
              + Durations.format(timeout.get()),
          "use e.g. \""
              + Durations.format(interval.dividedBy(2))
              + "\", or remove it for half the interval");
      timeout = Optional.empty();
    }
    return new HeartbeatConfig(enabled, interval, hours, zone, model, budget, timeout);
  }

  private MemoryConfig memory(ValueReader in, MemoryConfig defaults) {
    Path workspace = workspace(in);
    int chunkSize = in.integer("memory.chunk_size", defaults.chunkSize(), 1);
    int overlap = in.integer("memory.chunk_overlap", defaults.chunkOverlap(), 0);
    if (overlap >= chunkSize) {
      in.problem(
          "memory.chunk_overlap",
          "must be smaller than memory.chunk_size (" + chunkSize + "), was " + overlap,
          "use e.g. " + chunkSize / 5);
      overlap = Math.min(defaults.chunkOverlap(), chunkSize - 1);
    }
    double vector = in.number("memory.vector_weight", defaults.vectorWeight(), 0, 1);
    double text = in.number("memory.text_weight", defaults.textWeight(), 0, 1);
    if (vector + text <= 0) {
      in.problem(
          "memory.vector_weight", "vector_weight and text_weight are both 0", "use 0.5 and 0.5");
      vector = defaults.vectorWeight();
      text = defaults.textWeight();
    }
    return new MemoryConfig(
        workspace,
        in.choice(
            "memory.embedding_provider",
            MemoryConfig.EMBEDDING_PROVIDERS,
            defaults.embeddingProvider()),
        nonBlank(in, "memory.embedding_model", defaults.embeddingModel()),
        chunkSize,
        overlap,
        paths(in, defaults.paths()),
        vector,
        text,
        in.strings("memory.isolated_silos", List.of()),
        in.bool("memory.mmr", false),
        in.number("memory.temporal_decay_half_life_days", 0, 0, Double.MAX_VALUE),
        in.integer("memory.max_results", defaults.maxResults(), 1),
        in.choice("memory.fusion", MemoryConfig.FUSIONS, defaults.fusion()),
        in.choice("memory.vector_backend", MemoryConfig.VECTOR_BACKENDS, defaults.vectorBackend()),
        in.integer("memory.embedding_batch_size", defaults.embeddingBatchSize(), 1),
        StorageBinder.bind(in, env));
  }

  /** {@code LOCALGPT_WORKSPACE}, else {@code memory.workspace}, else {@code <home>/workspace}. */
  private Path workspace(ValueReader in) {
    String fromEnv = env.get("LOCALGPT_WORKSPACE");
    Optional<String> fromFile = in.string("memory.workspace").filter(value -> !value.isBlank());
    if (fromEnv != null && !fromEnv.isBlank()) {
      return LocalGptHome.expandTilde(fromEnv, env).toAbsolutePath().normalize();
    }
    return fromFile
        .map(value -> home.root().resolve(LocalGptHome.expandTilde(value, env)).normalize())
        .orElse(home.defaultWorkspace());
  }

  private static List<MemoryConfig.IndexPath> paths(
      ValueReader in, List<MemoryConfig.IndexPath> fallback) {
    Optional<List<Map<?, ?>>> tables = in.tables("memory.paths");
    if (tables.isEmpty()) {
      return fallback;
    }
    List<MemoryConfig.IndexPath> paths = new ArrayList<>();
    for (Map<?, ?> table : tables.get()) {
      Object path = table.get("path");
      Object pattern = table.get("pattern") == null ? "**/*.md" : table.get("pattern");
      if (!(path instanceof String p)
          || p.isBlank()
          || !(pattern instanceof String glob)
          || glob.isBlank()) {
        in.problem(
            "memory.paths",
            "each entry needs a non-empty string 'path' (and optional 'pattern')",
            "write e.g. {path = \"knowledge\", pattern = \"**/*.md\"}");
        continue;
      }
      table.keySet().stream()
          .filter(k -> !k.equals("path") && !k.equals("pattern"))
          .findFirst()
          .ifPresent(
              k ->
                  in.problem(
                      "memory.paths",
                      "unknown key '" + k + "' in an entry",
                      "only 'path' and 'pattern' are read"));
      paths.add(new MemoryConfig.IndexPath(p, glob));
    }
    return paths;
  }
}
