package dev.localgpt.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {
  @TempDir Path home;

  private final long self = ProcessHandle.current().pid();

  @Test
  void writesOwnerOnlyAndReadsBackWhatTheDaemonWrote() throws Exception {
    PidFile file = PidFile.in(home);
    DaemonInfo info = new DaemonInfo(self, "127.0.0.1", 31327, Instant.now(), "1.2.3");

    file.write(info);

    assertThat(file.path()).isEqualTo(home.resolve("daemon.pid"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())))
        .isEqualTo("rw-------");
    assertThat(file.read()).contains(info);
    assertThat(file.running()).contains(info);
    assertThat(file.stale()).isFalse();
  }

  @Test
  void aPidTakenByAProcessStartedAfterTheDaemonIsStale() {
    Instant jvmStart = ProcessHandle.current().info().startInstant().orElseThrow();
    PidFile file = PidFile.in(home);
    file.write(
        new DaemonInfo(self, "127.0.0.1", 31327, jvmStart.minus(Duration.ofHours(1)), "1.2.3"));

    assertThat(file.running()).isEmpty();
    assertThat(file.stale()).isTrue();

    file.deleteStale();
    assertThat(file.path()).doesNotExist();
  }

  @Test
  void aDamagedOrMissingFileNamesNoDaemon() throws Exception {
    PidFile file = PidFile.in(home);
    assertThat(file.read()).isEmpty();
    assertThat(file.stale()).isFalse();

    Files.writeString(file.path(), "pid=not-a-number\n");

    assertThat(file.read()).isEmpty();
    assertThat(file.stale()).isTrue();
  }

  @Test
  void removesOnlyItsOwnFile() {
    PidFile file = PidFile.in(home);
    file.write(new DaemonInfo(self, "127.0.0.1", 31327, Instant.now(), "1.2.3"));

    file.deleteIfOwnedBy(self + 1);
    assertThat(file.path()).exists();

    file.deleteIfOwnedBy(self);
    assertThat(file.path()).doesNotExist();
  }

  @Test
  void clientsUseLoopbackForAWildcardBind() {
    Instant now = Instant.now();
    assertThat(new DaemonInfo(1, "0.0.0.0", 8080, now, "v").baseUrl())
        .isEqualTo("http://127.0.0.1:8080");
    assertThat(new DaemonInfo(1, "::1", 8080, now, "v").baseUrl()).isEqualTo("http://[::1]:8080");
    assertThat(new DaemonInfo(1, "-", 0, now, "v").serving()).isFalse();
  }
}
