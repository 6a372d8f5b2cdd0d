package dev.localgpt.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.localgpt.core.workspace.LocalGptHome;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigBinderTest {
  private final LocalGptHome home = LocalGptHome.at(Path.of("/tmp/lg-home"));

  private LocalGptConfig bind(Map<String, Object> values, Map<String, String> env) {
    return new ConfigBinder(home, env).bind(ConfigSource.of("config.toml", values));
  }

  private List<String> problems(Map<String, Object> values) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> bind(values, Map.of()));
    assertThat(e).as("expected a ConfigException").isNotNull();
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void emptySourceGivesTheDocumentedDefaults() {
    LocalGptConfig config = bind(Map.of(), Map.of());
    assertThat(config.agent().model()).isEmpty();
    assertThat(config.agent().contextWindow()).isEqualTo(128_000);
    assertThat(config.agent().reserveTokens()).isEqualTo(8_000);
    assertThat(config.agent().maxTokens()).isEqualTo(4_096);
    assertThat(config.providers()).isEqualTo(ProvidersConfig.NONE);
    assertThat(config.heartbeat().enabled()).isTrue();
    assertThat(config.heartbeat().interval()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.heartbeat().activeHours()).contains(HeartbeatConfig.DEFAULT_ACTIVE_HOURS);
    assertThat(config.heartbeat().model()).isEmpty();
    assertThat(config.heartbeat().dailyTokenBudget()).isZero();
    assertThat(config.heartbeat().runTimeout()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.memory().workspace()).isEqualTo(Path.of("/tmp/lg-home/workspace"));
    assertThat(config.memory().embeddingProvider()).isEqualTo("local");
    assertThat(config.memory().embeddingModel()).isEqualTo("all-MiniLM-L6-v2");
    assertThat(config.memory().chunkSize()).isEqualTo(400);
    assertThat(config.memory().chunkOverlap()).isEqualTo(80);
    assertThat(config.memory().paths())
        .containsExactly(new MemoryConfig.IndexPath("knowledge", "**/*.md"));
    assertThat(config.memory().vectorWeight()).isEqualTo(0.5);
    assertThat(config.memory().textWeight()).isEqualTo(0.5);
    assertThat(config.server().port()).isEqualTo(31_327);
    assertThat(config.server().bind()).isEqualTo("127.0.0.1");
    assertThat(config.server().enabled()).isTrue();
    assertThat(config.tools().bashTimeoutMs()).isEqualTo(30_000);
    assertThat(config.tools().webFetchMaxBytes()).isEqualTo(10_000);
    assertThat(config.tools().toolOutputMaxChars()).isEqualTo(50_000);
    assertThat(config.tools().bashEnabled()).isFalse();
    assertThat(config.logging().level()).isEqualTo("info");
    assertThat(config.logging().file()).isEqualTo(Path.of("/tmp/lg-home/logs/agent.log"));
    assertThat(config).isEqualTo(LocalGptConfig.defaults(home));
  }

  @Test
  void heartbeatModelBudgetAndTimeoutAreReadAndChecked() {
    LocalGptConfig config =
        bind(
            Map.of(
                "heartbeat.model",
                "ollama/llama3.2",
                "heartbeat.daily_token_budget",
                50_000L,
                "heartbeat.timeout",
                "5m",
                "heartbeat.interval",
                "1h"),
            Map.of());
    assertThat(config.heartbeat().model()).contains("ollama/llama3.2");
    assertThat(config.heartbeat().dailyTokenBudget()).isEqualTo(50_000);
    assertThat(config.heartbeat().runTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(problems(Map.of("heartbeat.timeout", "2h", "heartbeat.daily_token_budget", -1L)))
        .containsExactly(
            "config.toml: key 'heartbeat.daily_token_budget': must be >= 0, was -1 (use e.g. 0)",
            "config.toml: key 'heartbeat.timeout': must not be longer than heartbeat.interval (30m), was 2h"
                + " (use e.g. \"15m\", or remove it for half the interval)");
    assertThat(ConfigSchema.suggest("heartbeat.daily_budget"))
        .contains("heartbeat.daily_token_budget");
  }

  @Test
  void readsValuesOfEverySection() {
    LocalGptConfig config =
        bind(
            Map.of(
                "agent.default_model",
                "ollama/qwen3",
                "heartbeat.interval",
                "2h30m",
                "heartbeat.active_hours.start",
                "08:00",
                "heartbeat.active_hours.end",
                "24:00",
                "heartbeat.timezone",
                "Europe/Berlin",
                "memory.isolated_silos",
                List.of("work"),
                "memory.vector_weight",
                1L,
                "server.port",
                8080L,
                "tools.require_approval",
                List.of("bash"),
                "tools.allow_after_untrusted",
                List.of("edit_file")),
            Map.of());
    assertThat(config.agent().model()).contains("ollama/qwen3");
    assertThat(config.heartbeat().interval()).isEqualTo(Duration.ofMinutes(150));
    assertThat(config.heartbeat().activeHours())
        .contains(new ActiveHours(LocalTime.of(8, 0), LocalTime.MAX));
    assertThat(config.heartbeat().timezone()).contains(ZoneId.of("Europe/Berlin"));
    assertThat(config.memory().isolatedSilos()).containsExactly("work");
    assertThat(config.memory().vectorWeight()).isEqualTo(1.0);
    assertThat(config.server().port()).isEqualTo(8080);
    assertThat(config.tools().requireApproval()).containsExactly("bash");
    assertThat(config.tools().allowAfterUntrusted()).containsExactly("edit_file");
  }

  @Test
  void apiKeysExpandVariablesAndFallBackToTheUsualEnvironmentVariables() {
    LocalGptConfig config =
        bind(
            Map.of("providers.openai.api_key", "${MY_OPENAI}", "server.auth_token", "$TOKEN"),
            Map.of("MY_OPENAI", "sk-file", "ANTHROPIC_API_KEY", "sk-ant", "TOKEN", "t0k"));
    assertThat(config.providers().openai().orElseThrow().apiKey()).isEqualTo("sk-file");
    assertThat(config.providers().anthropic().orElseThrow().apiKey()).isEqualTo("sk-ant");
    assertThat(config.providers().anthropic().orElseThrow().baseUrl())
        .isEqualTo("https://api.anthropic.com");
    assertThat(config.server().authToken()).contains("t0k");
  }

  @Test
  void unsetVariableFallsBackToTheEnvironmentKey() {
    LocalGptConfig config =
        bind(Map.of("providers.openai.api_key", "${NOT_SET}"), Map.of("OPENAI_API_KEY", "sk-env"));
    assertThat(config.providers().openai().orElseThrow().apiKey()).isEqualTo("sk-env");
  }

  @Test
  void ollamaHostFromTheEnvironmentBecomesTheEndpoint() {
    LocalGptConfig config = bind(Map.of(), Map.of("OLLAMA_HOST", "10.0.0.5"));
    assertThat(config.providers().ollama().orElseThrow().endpoint())
        .isEqualTo("http://10.0.0.5:11434");
    assertThat(config.providers().ollama().orElseThrow().model()).isEqualTo("llama3");
  }

  @Test
  void workspaceComesFromTheEnvironmentThenTheFileThenTheHome() {
    Map<String, Object> file = Map.of("memory.workspace", "~/notes");
    assertThat(
            bind(file, Map.of("HOME", "/home/ann", "LOCALGPT_WORKSPACE", "/srv/ws"))
                .memory()
                .workspace())
        .isEqualTo(Path.of("/srv/ws"));
    assertThat(bind(file, Map.of("HOME", "/home/ann")).memory().workspace())
        .isEqualTo(Path.of("/home/ann/notes"));
    assertThat(bind(Map.of("memory.workspace", "ws2"), Map.of()).memory().workspace())
        .isEqualTo(Path.of("/tmp/lg-home/ws2"));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    List<String> problems =
        problems(
            Map.of(
                "server.port", 0L,
                "heartbeat.interval", "30",
                "memory.embedding_provider", "fastembed",
                "agent.max_tokens", "many"));
    assertThat(problems)
        .containsExactlyInAnyOrder(
            "config.toml: key 'server.port': must be 1..65535, was 0 (use e.g. 31327)",
            "config.toml: key 'heartbeat.interval': '30' is not a duration (write a duration string like \"30m\", "
                + "\"2h30m\", \"90s\" or \"1d\")",
            "config.toml: key 'memory.embedding_provider': unknown value 'fastembed' (use one of local, openai, ollama, "
                + "none)",
            "config.toml: key 'agent.max_tokens': expected a whole number, e.g. 42, got the string \"many\"");
  }

  @Test
  void readsServerOriginsAndAllowedHostsAndRejectsMalformedOnes() {
    LocalGptConfig config =
        bind(
            Map.of(
                "server.cors_origins",
                    List.of("https://Notes.example.com/", "http://10.0.0.5:8080"),
                "server.allowed_hosts", List.of("MyBox.lan", "[fd00::1]")),
            Map.of());
    assertThat(config.server().corsOrigins())
        .containsExactly("https://notes.example.com", "http://10.0.0.5:8080");
    assertThat(config.server().allowedHosts()).containsExactly("mybox.lan", "[fd00::1]");
    assertThat(bind(Map.of(), Map.of()).server().allowedHosts()).isEmpty();

    assertThat(
            problems(
                Map.of(
                    "server.cors_origins", List.of("notes.example.com"),
                    "server.allowed_hosts", List.of("http://mybox.lan:8080"))))
        .containsExactlyInAnyOrder(
            "config.toml: key 'server.cors_origins': 'notes.example.com' is not an origin (write "
                + "scheme://host[:port] without a path, e.g. \"https://notes.example.com\")",
            "config.toml: key 'server.allowed_hosts': 'http://mybox.lan:8080' is not a host name (write the bare "
                + "name or address without scheme or port, e.g. \"mybox.lan\")");
  }

  @Test
  void halfAnActiveHoursWindowRunsFromOrUntilMidnight() {
    assertThat(
            bind(Map.of("heartbeat.active_hours.start", "08:00"), Map.of())
                .heartbeat()
                .activeHours())
        .contains(new ActiveHours(LocalTime.of(8, 0), LocalTime.MAX));
    assertThat(
            bind(Map.of("heartbeat.active_hours.end", "20:00"), Map.of()).heartbeat().activeHours())
        .contains(new ActiveHours(LocalTime.MIDNIGHT, LocalTime.of(20, 0)));
  }

  @Test
  void llamaCppNeedsAGgufModelPath() {
    assertThat(problems(Map.of("providers.llamacpp.threads", 2L)))
        .singleElement()
        .asString()
        .contains("providers.llamacpp.model_path")
        .contains("required");
    assertThat(problems(Map.of("providers.llamacpp.model_path", "/m/model.bin")))
        .singleElement()
        .asString()
        .contains("not a .gguf file");
    LocalGptConfig config =
        bind(Map.of("providers.llamacpp.model_path", "~/m.gguf"), Map.of("HOME", "/h"));
    assertThat(config.providers().llamacpp().orElseThrow().modelPath())
        .isEqualTo(Path.of("/h/m.gguf"));
  }
}
