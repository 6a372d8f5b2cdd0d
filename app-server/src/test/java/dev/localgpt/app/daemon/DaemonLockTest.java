package dev.localgpt.app.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonLockTest {
  @TempDir Path home;

  @Test
  void onlyOneHolderAtATimeAndFreeAgainOnceReleased() {
    Optional<DaemonLock> first = DaemonLock.acquire(home);
    assertThat(first).isPresent();
    assertThat(DaemonLock.acquire(home)).isEmpty();

    first.get().release();

    Optional<DaemonLock> again = DaemonLock.acquire(home);
    assertThat(again).isPresent();
    again.get().release();
  }
}
