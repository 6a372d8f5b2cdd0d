package dev.localgpt.ports.session;

import java.util.List;
import java.util.Optional;

/**
 * Durable, append-only conversation transcripts. An entry is on disk when {@link #append} returns, so nothing is lost
 * if the process dies afterwards.
 *
 * <p>Implementations are thread-safe and block on I/O; they throw {@link SessionException} on failure.
 */
public interface SessionStore {

  /** Starts a new, empty session. */
  SessionInfo create();

  void append(String sessionId, SessionEntry entry);

  /** All entries of a session, in order; an unknown id throws {@link SessionException}. */
  List<SessionEntry> read(String sessionId);

  Optional<SessionInfo> find(String idOrPrefix);

  /** Sessions, most recently updated first. */
  List<SessionInfo> list();

  default Optional<SessionInfo> latest() {
    return list().stream().findFirst();
  }
}
