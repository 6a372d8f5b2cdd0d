package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
  @TempDir Path home;

  @Test
  void initWritesTheTemplateOnceAndForceReplacesIt() throws Exception {
    CliRun first = CliRun.run(home, "config", "init");
    assertThat(first.exitCode()).isZero();
    assertThat(first.out()).contains("wrote " + home.resolve("config.toml"));
    assertThat(Files.readString(home.resolve("config.toml"))).contains("[heartbeat]");
    CliRun again = CliRun.run(home, "config", "init");
    assertThat(again.exitCode()).isEqualTo(ExitCodes.GENERAL);
    assertThat(again.err())
        .contains("error: config file already exists")
        .contains("hint: use 'localgpt config init -f'");
    assertThat(CliRun.run(home, "config", "init", "-f").exitCode()).isZero();
  }

  @Test
  void showMasksSecretsInTomlAndJson() {
    Map<String, String> env =
        Map.of("LOCALGPT_HOME", home.toString(), "ANTHROPIC_API_KEY", "sk-ant-TOPSECRET");
    CliRun toml = CliRun.run(env, "config", "show");
    assertThat(toml.exitCode()).isZero();
    assertThat(toml.out())
        .contains("[server]\n", "port = 31327", "api_key = \"********\"")
        .doesNotContain("TOPSECRET");
    CliRun json = CliRun.run(env, "config", "show", "--json");
    assertThat(json.out())
        .contains("\"port\" : 31327")
        .contains("\"api_key\" : \"********\"")
        .doesNotContain("TOPSECRET");
  }

  @Test
  void setThenGetRoundTripsAndKeepsComments() throws Exception {
    Files.writeString(home.resolve("config.toml"), "# mine\n[server]\nport = 1234 # fav\n");
    CliRun set = CliRun.run(home, "config", "set", "server.port", "4321");
    assertThat(set.exitCode()).isZero();
    assertThat(Files.readString(home.resolve("config.toml")))
        .isEqualTo("# mine\n[server]\nport = 4321 # fav\n");
    CliRun get = CliRun.run(home, "config", "get", "server.port");
    assertThat(get.out()).isEqualTo("4321\n");
    assertThat(CliRun.run(home, "config", "get", "heartbeat.interval").out()).isEqualTo("30m\n");
  }

  @Test
  void getOfAnUnknownKeySuggestsTheNearestAndExitsWithTheConfigCode() {
    CliRun run = CliRun.run(home, "config", "get", "server.prot");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(run.err())
        .contains("unknown config key 'server.prot'")
        .contains("did you mean 'server.port'?");
  }

  @Test
  void getMasksSecretsUnlessRevealed() {
    Map<String, String> env = Map.of("LOCALGPT_HOME", home.toString(), "OPENAI_API_KEY", "sk-open");
    assertThat(CliRun.run(env, "config", "get", "providers.openai.api_key").out())
        .isEqualTo("********\n");
    assertThat(CliRun.run(env, "config", "get", "providers.openai.api_key", "--reveal").out())
        .isEqualTo("sk-open\n");
  }

  @Test
  void checkPrintsEveryProblemOnItsOwnLineAndExits2() throws Exception {
    Files.writeString(
        home.resolve("config.toml"), "[server]\nport = 0\n[heartbeat]\ninterval = \"often\"\n");
    CliRun run = CliRun.run(home, "config", "check");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(run.err())
        .contains("error: invalid configuration (2 problems):")
        .contains("  config.toml:2: key 'server.port': must be 1..65535, was 0 (use e.g. 31327)")
        .contains("  config.toml:4: key 'heartbeat.interval': 'often' is not a duration")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void checkPassesWithoutAFile() {
    CliRun run = CliRun.run(home, "config", "check");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("does not exist; using the defaults");
  }

  @Test
  void pathHonoursTheConfigOptionThenTheEnvironment() {
    Path custom = home.resolve("elsewhere.toml");
    assertThat(CliRun.run(home, "-c", custom.toString(), "config", "path").out())
        .isEqualTo(custom + "\n");
    Map<String, String> env =
        Map.of("LOCALGPT_HOME", home.toString(), "LOCALGPT_CONFIG", "/etc/lg.toml");
    assertThat(CliRun.run(env, "config", "path").out()).isEqualTo("/etc/lg.toml\n");
    assertThat(CliRun.run(home, "config", "path").out())
        .isEqualTo(home.resolve("config.toml") + "\n");
  }

  @Test
  void setRejectsABadValueWithoutWriting() {
    CliRun run = CliRun.run(home, "config", "set", "server.port", "http");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(run.err()).contains("cannot set server.port to 'http': expected a whole number");
    assertThat(home.resolve("config.toml")).doesNotExist();
  }
}
