package dev.localgpt.core.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The effective configuration as dotted key → plain value (String, Long, Double, Boolean, List), in
 * schema order, for {@code config show} and {@code config get}. Unconfigured optional values (a
 * provider that is not set up, no active hours) are absent. Secret values can be masked.
 */
public final class ConfigView {
  /** What a masked secret looks like. */
  public static final String MASK = "********";

  private ConfigView() {}

  public static Map<String, Object> flatten(LocalGptConfig config, boolean maskSecrets) {
    Map<String, Object> all = new LinkedHashMap<>();
    AgentConfig agent = config.agent();
    all.put("agent.default_model", agent.defaultModel());
    all.put("agent.context_window", (long) agent.contextWindow());
    all.put("agent.reserve_tokens", (long) agent.reserveTokens());
    all.put("agent.max_tokens", (long) agent.maxTokens());
    ProvidersConfig providers = config.providers();
    providers
        .openai()
        .ifPresent(
            p -> {
              all.put("providers.openai.api_key", p.apiKey());
              all.put("providers.openai.base_url", p.baseUrl());
            });
    providers
        .anthropic()
        .ifPresent(
            p -> {
              all.put("providers.anthropic.api_key", p.apiKey());
              all.put("providers.anthropic.base_url", p.baseUrl());
            });
    providers
        .ollama()
        .ifPresent(
            p -> {
              all.put("providers.ollama.endpoint", p.endpoint());
              all.put("providers.ollama.model", p.model());
              all.put("providers.ollama.num_ctx", (long) p.numCtx());
            });
    providers
        .openaiCompatible()
        .ifPresent(
            p -> {
              all.put("providers.openai_compatible.base_url", p.baseUrl());
              all.put("providers.openai_compatible.api_key", p.apiKey());
              all.put("providers.openai_compatible.model", p.model());
            });
    providers
        .llamacpp()
        .ifPresent(
            p -> {
              all.put("providers.llamacpp.model_path", p.modelPath().toString());
              all.put("providers.llamacpp.context_size", (long) p.contextSize());
              all.put("providers.llamacpp.threads", (long) p.threads());
            });
    HeartbeatConfig heartbeat = config.heartbeat();
    all.put("heartbeat.enabled", heartbeat.enabled());
    all.put("heartbeat.interval", Durations.format(heartbeat.interval()));
    heartbeat
        .activeHours()
        .ifPresent(
            h -> {
              all.put("heartbeat.active_hours.start", ActiveHours.formatTime(h.start()));
              all.put("heartbeat.active_hours.end", ActiveHours.formatTime(h.end()));
            });
    heartbeat.timezone().ifPresent(zone -> all.put("heartbeat.timezone", zone.getId()));
    heartbeat.model().ifPresent(model -> all.put("heartbeat.model", model));
    all.put("heartbeat.daily_token_budget", heartbeat.dailyTokenBudget());
    heartbeat
        .timeout()
        .ifPresent(timeout -> all.put("heartbeat.timeout", Durations.format(timeout)));
    MemoryConfig memory = config.memory();
    all.put("memory.workspace", memory.workspace().toString());
    all.put("memory.embedding_provider", memory.embeddingProvider());
    all.put("memory.embedding_model", memory.embeddingModel());
    all.put("memory.chunk_size", (long) memory.chunkSize());
    all.put("memory.chunk_overlap", (long) memory.chunkOverlap());
    all.put(
        "memory.paths",
        memory.paths().stream()
            .map(p -> (Object) Map.of("path", p.path(), "pattern", p.pattern()))
            .toList());
    all.put("memory.vector_weight", memory.vectorWeight());
    all.put("memory.text_weight", memory.textWeight());
    all.put("memory.isolated_silos", memory.isolatedSilos());
    all.put("memory.mmr", memory.mmr());
    all.put("memory.temporal_decay_half_life_days", memory.temporalDecayHalfLifeDays());
    all.put("memory.max_results", (long) memory.maxResults());
    all.put("memory.fusion", memory.fusion());
    all.put("memory.vector_backend", memory.vectorBackend());
    all.put("memory.embedding_batch_size", (long) memory.embeddingBatchSize());
    MemoryStorage storage = memory.storage();
    all.put("memory.backend", storage.backend());
    if (storage.postgres()) {
      all.put("memory.postgres.url", storage.url());
      all.put("memory.postgres.user", storage.user());
      storage.password().ifPresent(password -> all.put("memory.postgres.password", password));
      all.put("memory.postgres.pool_size", (long) storage.poolSize());
      all.put("memory.postgres.workspace", storage.workspaceId());
    }
    ServerConfig server = config.server();
    all.put("server.enabled", server.enabled());
    all.put("server.port", (long) server.port());
    all.put("server.bind", server.bind());
    server.authToken().ifPresent(token -> all.put("server.auth_token", token));
    all.put("server.cors_origins", server.corsOrigins());
    all.put("server.allowed_hosts", server.allowedHosts());
    if (!server.users().isEmpty()) {
      all.put(
          "server.users", server.users().stream().map(u -> (Object) user(u, maskSecrets)).toList());
    }
    ToolsConfig tools = config.tools();
    all.put("tools.bash_timeout_ms", tools.bashTimeoutMs());
    all.put("tools.web_fetch_max_bytes", tools.webFetchMaxBytes());
    all.put("tools.tool_output_max_chars", (long) tools.toolOutputMaxChars());
    all.put("tools.require_approval", tools.requireApproval());
    all.put("tools.allow_after_untrusted", tools.allowAfterUntrusted());
    all.put("tools.bash_enabled", tools.bashEnabled());
    all.put("tools.bash_network", tools.bashNetwork());
    all.put("tools.web_fetch_allowed_domains", tools.webFetchAllowedDomains());
    all.put("logging.level", config.logging().level());
    all.put("logging.file", config.logging().file().toString());
    all.put("logging.retention_days", (long) config.logging().retentionDays());
    all.put(
        "mcp.servers",
        config.mcp().servers().stream().map(s -> (Object) server(s, maskSecrets)).toList());
    if (maskSecrets) {
      all.replaceAll((key, value) -> isSecret(key) && !"".equals(value) ? MASK : value);
    }
    return all;
  }

  private static Map<String, Object> user(ServerUser user, boolean maskSecrets) {
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("name", user.name());
    table.put("token", maskSecrets ? MASK : user.token());
    table.put("workspace", user.workspace().toString());
    table.put("read_workspaces", user.readWorkspaces());
    return table;
  }

  private static Map<String, Object> server(McpConfig.Server s, boolean maskSecrets) {
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("name", s.name());
    table.put("transport", s.transport());
    if (s.transport().equals("http")) {
      table.put("url", s.url());
    } else {
      table.put("command", s.command());
      table.put("args", s.args());
      Map<String, Object> env = new LinkedHashMap<>();
      s.env().forEach((k, v) -> env.put(k, maskSecrets && !v.isEmpty() ? MASK : v));
      table.put("env", env);
    }
    table.put("enabled", s.enabled());
    table.put("timeout", Durations.format(s.timeout()));
    return table;
  }

  /**
   * The effective value of one key; empty when the key is known but not set (e.g. an unconfigured
   * provider).
   */
  public static Optional<Object> get(LocalGptConfig config, String key, boolean maskSecrets) {
    return Optional.ofNullable(flatten(config, maskSecrets).get(key));
  }

  private static boolean isSecret(String key) {
    return ConfigSchema.find(key).map(ConfigKey::secret).orElse(false);
  }

  /** Nests dotted keys into tables: {@code {"server": {"port": 31327}}}, for JSON output. */
  public static Map<String, Object> nested(Map<String, Object> flat) {
    Map<String, Object> root = new LinkedHashMap<>();
    flat.forEach(
        (key, value) -> {
          String[] parts = key.split("\\.");
          Map<String, Object> table = root;
          for (int i = 0; i < parts.length - 1; i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> next =
                (Map<String, Object>) table.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
            table = next;
          }
          table.put(parts[parts.length - 1], value);
        });
    return root;
  }
}
