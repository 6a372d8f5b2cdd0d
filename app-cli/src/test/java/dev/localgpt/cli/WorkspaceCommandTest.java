package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceCommandTest {
  @TempDir Path home;

  @Test
  void initCreatesHomeAndWorkspaceThenReportsNothingToDo() {
    CliRun first = CliRun.run(home, "workspace", "init");
    assertThat(first.exitCode()).isZero();
    assertThat(first.out()).contains("created").contains("MEMORY.md").contains("skills/");
    assertThat(home.resolve("workspace/HEARTBEAT.md")).isRegularFile();
    assertThat(home.resolve("data")).isDirectory();
    assertThat(home.resolve("sessions")).isDirectory();
    assertThat(home.resolve("logs")).isDirectory();
    assertThat(CliRun.run(home, "workspace", "init").out()).contains("nothing to create");
  }

  @Test
  void workspaceEnvironmentVariableMovesTheWorkspace() {
    Path elsewhere = home.resolve("notes");
    Map<String, String> env =
        Map.of("LOCALGPT_HOME", home.toString(), "LOCALGPT_WORKSPACE", elsewhere.toString());
    assertThat(CliRun.run(env, "workspace", "init").exitCode()).isZero();
    assertThat(elsewhere.resolve("SOUL.md")).isRegularFile();
  }

  @Test
  void statusAsJsonShowsWhatIsMissing() throws Exception {
    CliRun.run(home, "workspace", "init");
    Files.delete(home.resolve("workspace/USER.md"));
    CliRun run = CliRun.run(home, "workspace", "status", "--json");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("\"complete\" : false")
        .contains("\"missing\" : [ \"USER.md\" ]")
        .contains("\"workspace\" : \"" + home.resolve("workspace") + "\"");
  }

  @Test
  void statusBeforeInitSaysSo() {
    CliRun run = CliRun.run(home, "workspace", "status");
    assertThat(run.out()).contains("(not created yet)").contains("run 'localgpt workspace init'");
  }

  @Test
  void aBrokenConfigStopsWorkspaceCommandsWithExitCode2() throws Exception {
    Files.writeString(home.resolve("config.toml"), "[memory]\nchunk_size = \"big\"\n");
    CliRun run = CliRun.run(home, "workspace", "status");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(run.err()).contains("config.toml:2: key 'memory.chunk_size'");
  }
}
