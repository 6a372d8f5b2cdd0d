package dev.localgpt.core.heartbeat;

/**
 * Where {@link HeartbeatState} survives restarts (the app keeps it in {@code data/heartbeat-state.json}).
 * Thread-safe; a missing or unreadable store loads as {@link HeartbeatState#INITIAL}.
 */
public interface HeartbeatStore {

  HeartbeatState load();

  void save(HeartbeatState state);
}
