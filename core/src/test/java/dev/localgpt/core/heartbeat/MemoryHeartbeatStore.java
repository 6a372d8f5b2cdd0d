package dev.localgpt.core.heartbeat;

import java.util.ArrayList;
import java.util.List;

/**
 * State and log in memory; the store outlives service instances, like the files do across restarts.
 */
final class MemoryHeartbeatStore implements HeartbeatStore, HeartbeatLog {
  private HeartbeatState state = HeartbeatState.INITIAL;
  private final List<HeartbeatLogEntry> entries = new ArrayList<>();

  @Override
  public synchronized HeartbeatState load() {
    return state;
  }

  @Override
  public synchronized void save(HeartbeatState next) {
    state = next;
  }

  @Override
  public synchronized void append(HeartbeatLogEntry entry) {
    entries.add(entry);
  }

  @Override
  public synchronized List<HeartbeatLogEntry> recent(int limit) {
    return List.copyOf(entries.subList(Math.max(0, entries.size() - limit), entries.size()));
  }

  synchronized List<HeartbeatLogEntry> all() {
    return List.copyOf(entries);
  }
}
