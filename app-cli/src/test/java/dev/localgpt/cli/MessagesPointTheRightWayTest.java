package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessagesPointTheRightWayTest {
  @TempDir Path home;

  @Test
  void aRejectedConfigSetSaysTheFileIsUnchanged() throws Exception {
    Path config = home.resolve("config.toml");
    Files.writeString(config, "# mine\n[heartbeat]\ninterval = \"30m\"\n");
    CliRun run = CliRun.run(home, "config", "set", "heartbeat.interval", "banana");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(run.err())
        .contains("cannot set heartbeat.interval to 'banana'")
        .contains("hint: nothing was written; " + config + " is unchanged")
        .doesNotContain("fix the file");
    assertThat(config).hasContent("# mine\n[heartbeat]\ninterval = \"30m\"\n");
  }

  @Test
  void anUnknownKeyIsAUsageErrorThatSuggestsTheNearestKey() {
    CliRun get = CliRun.run(home, "config", "get", "heartbeat.intervl");
    assertThat(get.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(get.err())
        .startsWith("error: unknown config key 'heartbeat.intervl'")
        .contains("did you mean 'heartbeat.interval'?")
        .doesNotContain("fix the file");
    CliRun set = CliRun.run(home, "config", "set", "nosuch.key", "1");
    assertThat(set.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(set.err())
        .contains("unknown config key 'nosuch.key'")
        .doesNotContain("fix the file");
    assertThat(home.resolve("config.toml")).doesNotExist();
  }

  @Test
  void aMissingConfigFileNamedByDashCIsAnErrorExceptForInit() {
    Path missing = home.resolve("nope.toml");
    CliRun show = CliRun.run(home, "-c", missing.toString(), "config", "show");
    assertThat(show.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(show.err())
        .contains("config file " + missing + " (named by -c) does not exist")
        .contains("config init");
    assertThat(CliRun.run(home, "-c", missing.toString(), "config", "init").exitCode()).isZero();
    assertThat(missing).isRegularFile();
    assertThat(CliRun.run(home, "-c", missing.toString(), "config", "check").exitCode()).isZero();
  }

  @Test
  void badCountsAndUnknownSilosAreUsageErrorsThatListTheSilos() throws Exception {
    Files.writeString(home.resolve("config.toml"), "[memory]\nembedding_provider = \"none\"\n");
    CliRun recent = CliRun.run(home, "memory", "recent", "-c", "0");
    assertThat(recent.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(recent.err()).contains("--count must be at least 1, was 0");
    Files.createDirectories(home.resolve("workspace/knowledge/recipes"));
    Files.createDirectories(home.resolve("workspace/knowledge/work"));
    CliRun silo = CliRun.run(home, "memory", "search", "x", "--silo", "nosuch");
    assertThat(silo.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(silo.err()).contains("no silo 'nosuch'").contains("hint: silos: recipes, work");
  }

  @Test
  void aConfigThatIsNotUtf8SaysWhereWithTheByteOffset() throws Exception {
    byte[] latin1 = "[agent]\nmax_tokens = 100 # café\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(home.resolve("config.toml"), latin1);
    CliRun run = CliRun.run(home, "config", "check");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(run.err())
        .contains("config.toml:2")
        .contains("is not UTF-8: byte 0xe9 at byte offset 30")
        .contains("save the file as UTF-8");
  }

  @Test
  void aWorkspacePathThatIsAFileGetsAHint() throws Exception {
    Files.writeString(
        home.resolve("config.toml"),
        "[memory]\nworkspace = \"ws\"\nembedding_provider = \"none\"\n");
    Files.writeString(home.resolve("ws"), "not a folder");
    for (String[] command : new String[][] {{"workspace", "init"}, {"memory", "reindex"}}) {
      CliRun run = CliRun.run(home, command);
      assertThat(run.exitCode()).as(String.join(" ", command)).isEqualTo(ExitCodes.CONFIG);
      assertThat(run.err())
          .contains("memory.workspace")
          .contains("is a file, not a folder")
          .contains("point memory.workspace");
    }
  }

  @Test
  void configCheckRejectsAModelWhoseProviderDoesNotExist() throws Exception {
    Files.writeString(
        home.resolve("config.toml"),
        "[agent]\ndefault_model = \"frobco/big-model\"\n"
            + "fallback_models = [\"claude-cli/opus\"]\n");
    CliRun run = CliRun.run(Map.of("LOCALGPT_HOME", home.toString()), "config", "check");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(run.err())
        .contains("agent.default_model")
        .contains("unknown provider 'frobco'")
        .contains("agent.fallback_models")
        .contains("claude-cli");
  }
}
