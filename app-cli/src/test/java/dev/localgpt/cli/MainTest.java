package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path home;

  @Test
  void versionPrintsTheBuildVersionWithoutTouchingTheHome() {
    CliRun run = CliRun.run(home.resolve("not-created"), "--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("localgpt ").doesNotContain("unknown").contains("Java ");
    assertThat(home.resolve("not-created")).doesNotExist();
  }

  @Test
  void theFastVersionPathPrintsWhatPicocliPrints() {
    CliRun fast = CliRun.run(home, "-V");
    CliRun throughPicocli =
        CliRun.run(home, "-c", home.resolve("config.toml").toString(), "--version");
    assertThat(fast.exitCode()).isZero();
    assertThat(throughPicocli.exitCode()).isZero();
    assertThat(fast.out()).isEqualTo(throughPicocli.out());
  }

  @Test
  void helpListsTheCommandGroupsAndExitCodes() {
    CliRun run = CliRun.run(home, "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("config", "workspace", "-c, --config=FILE", "Exit codes");
  }

  @Test
  void unknownCommandIsAUsageErrorWithAHint() {
    CliRun run = CliRun.run(home, "frobnicate");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(run.err())
        .startsWith("error: ")
        .contains("frobnicate")
        .contains("hint: run 'localgpt --help'");
  }

  @Test
  void groupWithoutSubcommandSaysWhatIsMissing() {
    CliRun run = CliRun.run(home, "config");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(run.err()).contains("error: missing subcommand").contains("localgpt config --help");
  }
}
