package dev.localgpt.app.heartbeat;

import dev.localgpt.core.heartbeat.HeartbeatStore;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A second process for {@link HeartbeatLockIT}: takes the heartbeat lock of the data folder in
 * {@code args[0]}, prints {@code locked} (or {@code busy}), and holds it until its standard input
 * closes.
 */
public final class HoldHeartbeatLock {
  private HoldHeartbeatLock() {}

  public static void main(String[] args) throws Exception {
    Optional<HeartbeatStore.Lease> lease = JsonHeartbeatStore.in(Path.of(args[0])).tryLock();
    System.out.println(lease.isPresent() ? "locked" : "busy");
    System.out.flush();
    while (System.in.read() >= 0) {
      // hold until the parent closes our stdin
    }
    lease.ifPresent(HeartbeatStore.Lease::close);
  }
}
