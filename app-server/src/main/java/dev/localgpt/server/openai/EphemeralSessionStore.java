package dev.localgpt.server.openai;

import dev.localgpt.ports.session.SessionEntry;
import dev.localgpt.ports.session.SessionException;
import dev.localgpt.ports.session.SessionInfo;
import dev.localgpt.ports.session.SessionStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One conversation held in memory for one OpenAI request: the client sends the whole history every
 * time, so nothing is written to the session directory. Thread-safe.
 */
final class EphemeralSessionStore implements SessionStore {
  private final Clock clock;
  private final String id = "openai-" + UUID.randomUUID();
  private final Instant created;
  private final List<SessionEntry> entries = new ArrayList<>();

  EphemeralSessionStore(Clock clock) {
    this.clock = clock;
    this.created = clock.instant();
  }

  String id() {
    return id;
  }

  @Override
  public synchronized SessionInfo create() {
    throw new SessionException("an OpenAI request has exactly one conversation");
  }

  @Override
  public synchronized void append(String sessionId, SessionEntry entry) {
    check(sessionId);
    entries.add(entry);
  }

  @Override
  public synchronized List<SessionEntry> read(String sessionId) {
    check(sessionId);
    return List.copyOf(entries);
  }

  @Override
  public synchronized Optional<SessionInfo> find(String idOrPrefix) {
    return id.startsWith(idOrPrefix) ? Optional.of(info()) : Optional.empty();
  }

  @Override
  public synchronized List<SessionInfo> list() {
    return List.of(info());
  }

  private SessionInfo info() {
    return new SessionInfo(id, created, clock.instant(), "", entries.size());
  }

  private void check(String sessionId) {
    if (!id.equals(sessionId)) {
      throw new SessionException("no session '" + sessionId + "'");
    }
  }
}
