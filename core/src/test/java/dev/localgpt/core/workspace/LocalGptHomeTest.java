package dev.localgpt.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalGptHomeTest {
  @TempDir Path temp;

  @Test
  void defaultsToDotLocalgptInTheUsersHome() {
    LocalGptHome home = LocalGptHome.resolve(Map.of("HOME", "/home/ann"), null);
    assertThat(home.root()).isEqualTo(Path.of("/home/ann/.localgpt"));
    assertThat(home.configFile()).isEqualTo(Path.of("/home/ann/.localgpt/config.toml"));
    assertThat(home.defaultWorkspace()).isEqualTo(Path.of("/home/ann/.localgpt/workspace"));
    assertThat(home.dataDir()).isEqualTo(Path.of("/home/ann/.localgpt/data"));
    assertThat(home.sessionsDir()).isEqualTo(Path.of("/home/ann/.localgpt/sessions"));
    assertThat(home.logsDir()).isEqualTo(Path.of("/home/ann/.localgpt/logs"));
  }

  @Test
  void environmentMovesHomeAndConfig() {
    LocalGptHome home =
        LocalGptHome.resolve(
            Map.of("HOME", "/home/ann", "LOCALGPT_HOME", "~/lg", "LOCALGPT_CONFIG", "/etc/lg.toml"),
            null);
    assertThat(home.root()).isEqualTo(Path.of("/home/ann/lg"));
    assertThat(home.configFile()).isEqualTo(Path.of("/etc/lg.toml"));
  }

  @Test
  void configOptionWinsOverTheEnvironment() {
    LocalGptHome home =
        LocalGptHome.resolve(Map.of("LOCALGPT_CONFIG", "/etc/lg.toml"), Path.of("/tmp/c.toml"));
    assertThat(home.configFile()).isEqualTo(Path.of("/tmp/c.toml"));
  }

  @Test
  void layoutCreatesPrivateDirectoriesOnce() throws Exception {
    LocalGptHome home = LocalGptHome.at(temp.resolve("home"));
    assertThat(HomeLayout.create(home)).hasSize(4);
    assertThat(HomeLayout.create(home)).isEmpty();
    for (Path dir : home.stateDirs()) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
          .isEqualTo("rwx------");
    }
  }
}
