package dev.localgpt.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.core.workspace.LocalGptHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code [[mcp.servers]]}: reading, defaults, and one clear problem per mistake. */
class McpConfigTest {
  private final LocalGptHome home = LocalGptHome.at(Path.of("/tmp/lg-home"));

  private LocalGptConfig bind(List<Map<String, Object>> servers, Map<String, String> env) {
    return new ConfigBinder(home, env)
        .bind(ConfigSource.of("config.toml", Map.of("mcp.servers", servers)));
  }

  @Test
  void readsStdioAndHttpServersWithDefaults() {
    LocalGptConfig config =
        bind(
            List.of(
                Map.of(
                    "name",
                    "files",
                    "command",
                    "npx",
                    "args",
                    List.of("-y", "server-files", "/tmp"),
                    "env",
                    Map.of("TOKEN", "${GH_TOKEN}", "MODE", "fast"),
                    "timeout",
                    "10s"),
                Map.of(
                    "name",
                    "remote",
                    "transport",
                    "http",
                    "url",
                    "http://127.0.0.1:8080/mcp",
                    "enabled",
                    false)),
            Map.of("GH_TOKEN", "s3cret"));

    assertThat(config.mcp().servers())
        .containsExactly(
            new McpConfig.Server(
                "files",
                "stdio",
                "npx",
                List.of("-y", "server-files", "/tmp"),
                Map.of("TOKEN", "s3cret", "MODE", "fast"),
                "",
                true,
                Duration.ofSeconds(10)),
            new McpConfig.Server(
                "remote",
                "http",
                "",
                List.of(),
                Map.of(),
                "http://127.0.0.1:8080/mcp",
                false,
                McpConfig.DEFAULT_TIMEOUT));
    assertThat(ConfigView.flatten(config, true).get("mcp.servers").toString())
        .contains("TOKEN=********")
        .doesNotContain("s3cret");
  }

  @Test
  void noServersByDefault() {
    LocalGptConfig config =
        new ConfigBinder(home, Map.of()).bind(ConfigSource.empty("config.toml"));
    assertThat(config.mcp()).isEqualTo(McpConfig.NONE);
  }

  @Test
  void everyMistakeIsOneProblemNamingTheServerAndTheFix() {
    List<Map<String, Object>> servers =
        List.of(
            Map.of("command", "x"),
            Map.of("name", "a b", "command", "x"),
            Map.of("name", "nocmd"),
            Map.of("name", "web", "transport", "http", "url", "ftp://x"),
            Map.of("name", "sse", "transport", "sse", "url", "http://x"),
            Map.of("name", "slow", "command", "x", "timeout", "soon"),
            Map.of("name", "typo", "command", "x", "argz", List.of()),
            Map.of("name", "dup", "command", "x"),
            Map.of("name", "dup", "command", "y"));

    assertThatThrownBy(() -> bind(servers, Map.of()))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e -> {
              List<String> problems =
                  ((ConfigException) e).problems().stream().map(ConfigProblem::toString).toList();
              assertThat(problems).hasSize(8);
              assertThat(problems).allSatisfy(p -> assertThat(p).contains("mcp.servers"));
              assertThat(String.join("\n", problems))
                  .contains("server #1 needs a 'name'")
                  .contains("was 'a b'")
                  .contains("server 'nocmd': a stdio server needs a 'command'")
                  .contains("server 'web': an http server needs a 'url' starting with http://")
                  .contains("server 'sse': unknown transport 'sse'")
                  .contains("server 'slow': bad 'timeout' soon")
                  .contains("server 'typo': unknown key 'argz'")
                  .contains("two servers are named 'dup'");
            });
  }
}
