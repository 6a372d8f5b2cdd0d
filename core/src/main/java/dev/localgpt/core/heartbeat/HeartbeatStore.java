package dev.localgpt.core.heartbeat;

import java.util.Optional;

/**
 * Where {@link HeartbeatState} survives restarts (the app keeps it in {@code
 * data/heartbeat-state.json}). Thread-safe; a missing or unreadable store loads as {@link
 * HeartbeatState#INITIAL}. A run holds {@link #tryLock()} from reading the state to writing its log
 * line, so two processes (the daemon's scheduler and {@code localgpt heartbeat run}) never run at
 * the same time or overwrite each other's state.
 */
public interface HeartbeatStore {

  HeartbeatState load();

  void save(HeartbeatState state);

  /**
   * Exclusive use of the heartbeat, across processes: the lease, or empty at once when another
   * holder (another process, or another service in this one) has it. Close the lease to release it;
   * the operating system releases it when the process dies. The default has no other holders (a
   * store inside one service).
   */
  default Optional<Lease> tryLock() {
    return Optional.of(() -> {});
  }

  /** A held {@link #tryLock()}; closing it twice is harmless. */
  interface Lease extends AutoCloseable {
    @Override
    void close();
  }
}
