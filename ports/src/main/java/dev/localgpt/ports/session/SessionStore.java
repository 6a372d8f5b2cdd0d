package dev.localgpt.ports.session;

import java.util.List;
import java.util.Optional;

/**
 * Durable, append-only conversation transcripts. An entry is on disk when {@link #append} returns,
 * so nothing is lost if the process dies afterwards.
 *
 * <p>Implementations are thread-safe and block on I/O; they throw {@link SessionException} on
 * failure. No method accepts or returns null.
 */
public interface SessionStore {

  /** Starts a new, empty session. */
  SessionInfo create();

  /** Appends one entry; an unknown id throws {@link SessionException}. */
  void append(String sessionId, SessionEntry entry);

  /** All entries of a session, in order; an unknown id throws {@link SessionException}. */
  List<SessionEntry> read(String sessionId);

  /**
   * All readable entries of a session, and a warning naming the stored lines that could not be read
   * and were skipped; an unknown id throws {@link SessionException}. The default reads through
   * {@link #read} and never warns.
   */
  default SessionTranscript transcript(String sessionId) {
    return SessionTranscript.of(read(sessionId));
  }

  /**
   * The session with this id, or the only one whose id starts with this prefix.
   *
   * @throws SessionException when the prefix matches more than one session (the message lists them)
   */
  Optional<SessionInfo> find(String idOrPrefix);

  /** Sessions, most recently updated first. */
  List<SessionInfo> list();

  default Optional<SessionInfo> latest() {
    return list().stream().findFirst();
  }
}
