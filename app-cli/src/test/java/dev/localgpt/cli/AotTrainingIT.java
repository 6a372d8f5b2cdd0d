package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the training commands, a local search with the model among them. */
class AotTrainingIT {
  @TempDir Path home;

  @Test
  void trainingRunsEveryCommandInTheScratchHome() {
    int ok = AotTraining.train(Map.of("LOCALGPT_HOME", home.toString()));
    // every command but the deliberate unknown-key error path succeeds, the daemon's too
    assertThat(ok).isEqualTo(AotTraining.COMMANDS.size() - 1 + AotTraining.DAEMON_COMMANDS.size());
    assertThat(home.resolve("workspace/MEMORY.md")).isRegularFile();
    assertThat(home.resolve("daemon.pid"))
        .as("the stand-in daemon's pid file is gone")
        .doesNotExist();
  }
}
