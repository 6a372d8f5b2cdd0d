package dev.localgpt.ports.session;

import dev.localgpt.ports.llm.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A {@link SessionStore} fake that keeps everything in memory; thread-safe by synchronisation. */
public final class InMemorySessionStore implements SessionStore {
  private final Clock clock;
  private final Map<String, Stored> sessions = new LinkedHashMap<>();

  public InMemorySessionStore(Clock clock) {
    this.clock = clock;
  }

  public InMemorySessionStore() {
    this(Clock.systemUTC());
  }

  private static final class Stored {
    final String id;
    final Instant createdAt;
    Instant updatedAt;
    final List<SessionEntry> entries = new ArrayList<>();

    Stored(String id, Instant createdAt) {
      this.id = id;
      this.createdAt = createdAt;
      this.updatedAt = createdAt;
    }

    SessionInfo info() {
      String title = "";
      int count = 0;
      for (SessionEntry entry : entries) {
        if (entry instanceof SessionEntry.Message m && m.message().role() != Role.TOOL) {
          count++;
          if (title.isEmpty() && m.message().role() == Role.USER) {
            title = SessionInfo.titleOf(m.message().text());
          }
        }
      }
      return new SessionInfo(id, createdAt, updatedAt, title, count);
    }
  }

  @Override
  public synchronized SessionInfo create() {
    Stored stored = new Stored(UUID.randomUUID().toString(), clock.instant());
    sessions.put(stored.id, stored);
    return stored.info();
  }

  @Override
  public synchronized void append(String sessionId, SessionEntry entry) {
    Stored stored = require(sessionId);
    stored.entries.add(entry);
    if (entry.at().isAfter(stored.updatedAt)) {
      stored.updatedAt = entry.at();
    }
  }

  @Override
  public synchronized List<SessionEntry> read(String sessionId) {
    return List.copyOf(require(sessionId).entries);
  }

  @Override
  public synchronized Optional<SessionInfo> find(String idOrPrefix) {
    Stored exact = sessions.get(idOrPrefix);
    if (exact != null) {
      return Optional.of(exact.info());
    }
    List<Stored> matches =
        sessions.values().stream().filter(s -> s.id.startsWith(idOrPrefix)).toList();
    if (matches.size() > 1) {
      throw new SessionException(
          "session prefix '"
              + idOrPrefix
              + "' is ambiguous: it matches "
              + matches.stream().map(s -> s.id).toList()
              + "; give more characters");
    }
    return matches.stream().findFirst().map(Stored::info);
  }

  @Override
  public synchronized List<SessionInfo> list() {
    return sessions.values().stream()
        .map(Stored::info)
        .sorted(
            Comparator.comparing(SessionInfo::updatedAt)
                .thenComparing(SessionInfo::createdAt)
                .reversed())
        .toList();
  }

  private Stored require(String sessionId) {
    Stored stored = sessions.get(sessionId);
    if (stored == null) {
      throw new SessionException("no session '" + sessionId + "': list them with 'sessions list'");
    }
    return stored;
  }
}
