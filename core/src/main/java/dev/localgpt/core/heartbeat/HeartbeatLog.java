package dev.localgpt.core.heartbeat;

import java.util.List;

/**
 * The run log: one entry per tick, kept bounded by the implementation (older entries are dropped or
 * rotated away). The app implements it over {@code logs/heartbeat.jsonl}. Implementations are
 * thread-safe; failures to write are reported as unchecked exceptions.
 */
public interface HeartbeatLog {

  void append(HeartbeatLogEntry entry);

  /** The last {@code limit} entries, oldest first; unreadable lines are skipped. */
  List<HeartbeatLogEntry> recent(int limit);
}
