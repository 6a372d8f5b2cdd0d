package dev.localgpt.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.localgpt.core.config.ConfigException;
import dev.localgpt.core.config.ConfigProblem;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.workspace.LocalGptHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TomlConfigLoaderTest {
  @TempDir Path home;

  private TomlConfigLoader loader() {
    return new TomlConfigLoader(LocalGptHome.at(home), Map.of());
  }

  private List<String> problems(String toml) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> loader().load(toml, "config.toml"));
    assertThat(e).as("expected the config to be rejected").isNotNull();
    return e.problems().stream().map(ConfigProblem::toString).toList();
  }

  @Test
  void missingFileMeansAllDefaults() {
    assertThat(loader().load()).isEqualTo(LocalGptConfig.defaults(LocalGptHome.at(home)));
  }

  @Test
  void theShippedTemplateLoadsToTheDefaults() {
    assertThat(loader().load(ConfigFiles.template(), "config.toml"))
        .isEqualTo(LocalGptConfig.defaults(LocalGptHome.at(home)));
  }

  @Test
  void readsTheFileFromTheHome() throws Exception {
    Files.writeString(home.resolve("config.toml"), "[heartbeat]\ninterval = \"1h\"\n");
    assertThat(loader().load().heartbeat().interval()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aRustLocalGptFileLoadsUnchanged() {
    String rust =
        """
        [agent]
        default_model = "claude-cli/opus"
        context_window = 128000
        fallback_models = ["openai/gpt-4o"]

        [providers.claude_cli]
        command = "claude"
        model = "opus"

        [providers.ollama]
        endpoint = "http://localhost:11434"
        model = "llama3"

        [heartbeat]
        enabled = true
        interval = "30m"
        active_hours = { start = "09:00", end = "22:00" }

        [memory]
        workspace = "~/.localgpt/workspace"
        embedding_cache_dir = "~/.cache/localgpt/models"
        paths = [{ path = "knowledge", pattern = "**/*.md" }]

        [server]
        enabled = true
        port = 31327
        [server.rate_limit]
        enabled = true

        [sandbox]
        level = "auto"
        [sandbox.network]
        policy = "deny"

        [security]
        strict_policy = false
        [telegram]
        enabled = false
        [cron]
        jobs = [{ name = "x", schedule = "every 30m", prompt = "hi" }]
        [mcp]
        servers = []
        [hooks]
        """;
    LocalGptConfig config = loader().load(rust, "config.toml");
    assertThat(config.agent().model()).contains("claude-cli/opus");
    assertThat(config.heartbeat().activeHours()).isPresent();
    assertThat(config.providers().ollama()).isPresent();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      `[server]\\nprot = 8080`                  | config.toml:2: key 'server.prot': unknown key (did you mean 'server.port'?)
      `[memroy]\\nchunk_size = 300`             | config.toml:1: key 'memroy': unknown key (did you mean 'memory'?)
      `[server]\\nport = "8080"`                | config.toml:2: key 'server.port': expected a whole number, e.g. 42, got the string "8080"
      `[server]\\nport = 70000`                 | config.toml:2: key 'server.port': must be 1..65535, was 70000 (use e.g. 31327)
      `[heartbeat]\\ninterval = "30"`           | config.toml:2: key 'heartbeat.interval': '30' is not a duration (write a duration string like "30m", "2h30m", "90s" or "1d")
      `[heartbeat]\\ninterval = "0m"`           | config.toml:2: key 'heartbeat.interval': duration '0m' is zero (write a duration string like "30m", "2h30m", "90s" or "1d")
      `[heartbeat]\\ninterval = 30`             | config.toml:2: key 'heartbeat.interval': expected a duration string like "30m", "2h30m", "90s" or "1d", got the integer 30
      `[heartbeat]\\nenabled = "yes"`           | config.toml:2: key 'heartbeat.enabled': expected true or false, got the string "yes"
      `[heartbeat.active_hours]\\nstart = "8am"\\nend = "22:00"` | config.toml:2: key 'heartbeat.active_hours.start': '8am' is not a time HH:MM (write a time "HH:MM" from 00:00 to 23:59)
      `[heartbeat.active_hours]\\nstart = "24:00"\\nend = "22:00"` | config.toml:2: key 'heartbeat.active_hours.start': '24:00' is not a time of day (write a time "HH:MM" from 00:00 to 23:59)
      `[heartbeat]\\ntimezone = "Mars/Olympus"` | config.toml:2: key 'heartbeat.timezone': unknown time zone 'Mars/Olympus' (use an IANA id like "Europe/Berlin", or remove it for the machine's zone)
      `[memory]\\nembedding_provider = "fastembed"` | config.toml:2: key 'memory.embedding_provider': unknown value 'fastembed' (use one of local, openai, ollama, none)
      `[memory]\\nchunk_size = 100\\nchunk_overlap = 100` | config.toml:3: key 'memory.chunk_overlap': must be smaller than memory.chunk_size (100), was 100 (use e.g. 20)
      `[memory]\\nvector_weight = 1.5`          | config.toml:2: key 'memory.vector_weight': must be between 0.0 and 1.0, was 1.5 (use e.g. 0.5)
      `[memory]\\nisolated_silos = "work"`      | config.toml:2: key 'memory.isolated_silos': expected a list of strings, e.g. ["a", "b"], got the string "work"
      `[memory]\\npaths = [{ pattern = "*.md" }]` | config.toml:2: key 'memory.paths': each entry needs a non-empty string 'path' (and optional 'pattern') (write e.g. {path = "knowledge", pattern = "**/*.md"})
      `[tools]\\nrequire_approval = ["bash", 1]` | config.toml:2: key 'tools.require_approval': expected a list of strings, e.g. ["a", "b"], got a list
      `[tools]\\nbash_timeout_ms = 0`           | config.toml:2: key 'tools.bash_timeout_ms': must be >= 1, was 0 (use e.g. 30000)
      `[logging]\\nlevel = "verbose"`           | config.toml:2: key 'logging.level': unknown value 'verbose' (use one of error, warn, info, debug, trace)
      `[providers.llamacpp]\\ncontext_size = 2048` | config.toml: key 'providers.llamacpp.model_path': is required when [providers.llamacpp] is present (set model_path = "/path/to/model.gguf")
      `[providers.openai_compatible]\\napi_key = "x"` | config.toml: key 'providers.openai_compatible.base_url': is required when [providers.openai_compatible] is present (set e.g. base_url = "http://127.0.0.1:8080/v1")
      `[agent]\\ncontext_window = -1`           | config.toml:2: key 'agent.context_window': must be >= 1, was -1 (use e.g. 128000)
      `[server]\\nbind = ""`                    | config.toml:2: key 'server.bind': must not be empty (remove the line to use "127.0.0.1")
      """)
  void malformedConfigGetsOneClearLine(String toml, String expected) {
    assertThat(problems(toml.replace("\\n", "\n"))).containsExactly(expected);
  }

  @Test
  void syntaxErrorsGiveLineAndColumn() {
    List<String> problems = problems("[server]\nport = = 1\n");
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0)).startsWith("config.toml:2: TOML syntax error at column ");
  }

  @Test
  void unclosedTableHeaderIsASyntaxError() {
    assertThat(problems("[server\nport = 1\n"))
        .first()
        .asString()
        .startsWith("config.toml:1: TOML syntax error");
  }

  @Test
  void allProblemsAreReportedInLineOrder() {
    List<String> problems =
        problems(
            """
        [server]
        prot = 1
        port = 0
        [heartbeat]
        interval = "soon"
        """);
    assertThat(problems).hasSize(3);
    assertThat(problems.get(0)).startsWith("config.toml:2: key 'server.prot'");
    assertThat(problems.get(1)).startsWith("config.toml:3: key 'server.port'");
    assertThat(problems.get(2)).startsWith("config.toml:5: key 'heartbeat.interval'");
  }
}
