package dev.localgpt.core.config;

import static dev.localgpt.core.config.ValueType.BOOLEAN;
import static dev.localgpt.core.config.ValueType.DURATION;
import static dev.localgpt.core.config.ValueType.FLOAT;
import static dev.localgpt.core.config.ValueType.INTEGER;
import static dev.localgpt.core.config.ValueType.STRING;
import static dev.localgpt.core.config.ValueType.STRING_LIST;
import static dev.localgpt.core.config.ValueType.TABLE_LIST;
import static dev.localgpt.core.config.ValueType.TIME;

import dev.localgpt.core.text.EditDistance;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every key of {@code config.toml} that LocalGPT reads, plus the sections and keys of the Rust
 * LocalGPT that it accepts and ignores (so users can bring their file unchanged).
 */
public final class ConfigSchema {
  private static final Map<String, ConfigKey> KEYS = new LinkedHashMap<>();

  /** Sections of the Rust LocalGPT we do not use: everything under them is ignored. */
  private static final Set<String> IGNORED_SECTIONS =
      Set.of(
          "providers.claude_cli",
          "providers.glm",
          "providers.xai",
          "providers.gemini",
          "providers.gemini_cli",
          "providers.codex_cli",
          "providers.vertex",
          "providers.openrouter",
          "sandbox",
          "security",
          "telegram",
          "cron",
          "hooks",
          "agent.active_memory",
          "server.rate_limit",
          "server.tls",
          "tools.web_search",
          "tools.filters");

  /** Keys of the Rust LocalGPT we do not use. */
  private static final Set<String> IGNORED_KEYS =
      Set.of(
          "agent.max_tool_repeats",
          "agent.max_tool_errors",
          "agent.max_spawn_depth",
          "agent.subagent_model",
          "agent.session_max_age",
          "agent.session_max_count",
          "agent.post_compaction_sections",
          "agent.checkpoints_enabled",
          "agent.max_checkpoints",
          "agent.permission_level",
          "providers.claude_cli",
          "memory.embedding_cache_dir",
          "memory.session_max_messages",
          "memory.session_max_chars",
          "memory.temporal_decay_lambda",
          "memory.index_sessions",
          "memory.llm_query_expansion",
          "server.max_request_body",
          "server.webhook_secret",
          "tools.log_injection_warnings",
          "tools.use_content_delimiters",
          "tools.image_max_dimension",
          "tools.browser_enabled",
          "heartbeat.overdue_delay",
          "providers.openai_compatible.extra_headers");

  static {
    add("agent.default_model", STRING, false);
    add("agent.context_window", INTEGER, false);
    add("agent.reserve_tokens", INTEGER, false);
    add("agent.max_tokens", INTEGER, false);
    add("agent.fallback_models", STRING_LIST, false);
    add("providers.openai.api_key", STRING, true);
    add("providers.openai.base_url", STRING, false);
    add("providers.anthropic.api_key", STRING, true);
    add("providers.anthropic.base_url", STRING, false);
    add("providers.ollama.endpoint", STRING, false);
    add("providers.ollama.model", STRING, false);
    add("providers.ollama.num_ctx", INTEGER, false);
    add("providers.openai_compatible.base_url", STRING, false);
    add("providers.openai_compatible.api_key", STRING, true);
    add("providers.openai_compatible.model", STRING, false);
    add("providers.llamacpp.model_path", STRING, false);
    add("providers.llamacpp.context_size", INTEGER, false);
    add("providers.llamacpp.threads", INTEGER, false);
    add("heartbeat.enabled", BOOLEAN, false);
    add("heartbeat.interval", DURATION, false);
    add("heartbeat.active_hours.start", TIME, false);
    add("heartbeat.active_hours.end", TIME, false);
    add("heartbeat.timezone", STRING, false);
    add("heartbeat.model", STRING, false);
    add("heartbeat.daily_token_budget", INTEGER, false);
    add("heartbeat.timeout", DURATION, false);
    add("memory.workspace", STRING, false);
    add("memory.embedding_provider", STRING, false);
    add("memory.embedding_model", STRING, false);
    add("memory.chunk_size", INTEGER, false);
    add("memory.chunk_overlap", INTEGER, false);
    add("memory.paths", TABLE_LIST, false);
    add("memory.vector_weight", FLOAT, false);
    add("memory.text_weight", FLOAT, false);
    add("memory.isolated_silos", STRING_LIST, false);
    add("memory.mmr", BOOLEAN, false);
    add("memory.temporal_decay_half_life_days", FLOAT, false);
    add("memory.max_results", INTEGER, false);
    add("memory.fusion", STRING, false);
    add("memory.vector_backend", STRING, false);
    add("memory.embedding_batch_size", INTEGER, false);
    add("memory.backend", STRING, false);
    add("memory.postgres.url", STRING, false);
    add("memory.postgres.user", STRING, false);
    add("memory.postgres.password", STRING, true);
    add("memory.postgres.pool_size", INTEGER, false);
    add("memory.postgres.workspace", STRING, false);
    add("server.enabled", BOOLEAN, false);
    add("server.port", INTEGER, false);
    add("server.bind", STRING, false);
    add("server.auth_token", STRING, true);
    add("server.cors_origins", STRING_LIST, false);
    add("server.allowed_hosts", STRING_LIST, false);
    add("server.users", TABLE_LIST, false);
    add("tools.bash_timeout_ms", INTEGER, false);
    add("tools.web_fetch_max_bytes", INTEGER, false);
    add("tools.tool_output_max_chars", INTEGER, false);
    add("tools.require_approval", STRING_LIST, false);
    add("tools.allow_after_untrusted", STRING_LIST, false);
    add("tools.bash_enabled", BOOLEAN, false);
    add("tools.bash_network", BOOLEAN, false);
    add("tools.web_fetch_allowed_domains", STRING_LIST, false);
    add("logging.level", STRING, false);
    add("logging.file", STRING, false);
    add("logging.retention_days", INTEGER, false);
    add("mcp.servers", TABLE_LIST, false);
  }

  private ConfigSchema() {}

  private static void add(String name, ValueType type, boolean secret) {
    KEYS.put(name, new ConfigKey(name, type, secret));
  }

  /** All keys, in documentation order. */
  public static List<ConfigKey> keys() {
    return List.copyOf(KEYS.values());
  }

  public static Optional<ConfigKey> find(String name) {
    return Optional.ofNullable(KEYS.get(name));
  }

  /**
   * Whether a key (or table) is one we know: a key, a table that holds keys, or something we accept
   * and ignore.
   */
  public static boolean isKnown(String name) {
    return KEYS.containsKey(name) || isTable(name) || isIgnored(name);
  }

  /**
   * Whether {@code name} is a table holding known keys ({@code providers}, {@code
   * heartbeat.active_hours}).
   */
  public static boolean isTable(String name) {
    return KEYS.keySet().stream().anyMatch(key -> key.startsWith(name + "."));
  }

  /** Whether a key belongs to the Rust LocalGPT's settings that we accept and ignore. */
  public static boolean isIgnored(String name) {
    if (IGNORED_KEYS.contains(name)) {
      return true;
    }
    return IGNORED_SECTIONS.stream()
        .anyMatch(section -> name.equals(section) || name.startsWith(section + "."));
  }

  /**
   * The known key or table nearest to {@code name} by edit distance, if one is reasonably close.
   */
  public static Optional<String> suggest(String name) {
    Set<String> candidates = new TreeSet<>(KEYS.keySet());
    for (ConfigKey key : KEYS.values()) {
      for (String section = key.section();
          !section.isEmpty();
          section = section.contains(".") ? section.substring(0, section.lastIndexOf('.')) : "") {
        candidates.add(section);
      }
    }
    return candidates.stream()
        .min(
            Comparator.comparingInt((String key) -> EditDistance.between(key, name))
                .thenComparing(key -> key))
        .filter(best -> EditDistance.between(best, name) <= Math.max(3, name.length() / 3));
  }
}
