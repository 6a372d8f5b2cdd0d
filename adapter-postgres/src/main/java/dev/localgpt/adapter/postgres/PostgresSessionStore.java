package dev.localgpt.adapter.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.localgpt.ports.llm.Role;
import dev.localgpt.ports.memory.IndexException;
import dev.localgpt.ports.session.SessionEntry;
import dev.localgpt.ports.session.SessionException;
import dev.localgpt.ports.session.SessionInfo;
import dev.localgpt.ports.session.SessionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@link SessionStore} of one workspace in the shared database: any server instance can continue
 * any session of the workspace. An entry is committed when {@link #append} returns. Thread-safe
 * (pooled connections).
 */
public final class PostgresSessionStore implements SessionStore {
  private static final String INFO_COLUMNS = "id, created_at, updated_at, title, message_count";

  private final PostgresDatabase db;
  private final String workspace;
  private final Clock clock;

  public PostgresSessionStore(PostgresDatabase db, String workspace, Clock clock) {
    this.db = Objects.requireNonNull(db, "'db' must not be null");
    this.workspace = PostgresMemoryIndex.checkWorkspace(workspace);
    this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
  }

  @Override
  public SessionInfo create() {
    SessionInfo info =
        new SessionInfo(UUID.randomUUID().toString(), clock.instant(), clock.instant(), "", 0);
    return call(
        () ->
            db.transaction(
                "create a session",
                c -> {
                  try (PreparedStatement p =
                      c.prepareStatement(
                          "insert into sessions(workspace, id, created_at, updated_at)"
                              + " values (?, ?, ?, ?)")) {
                    p.setString(1, workspace);
                    p.setString(2, info.id());
                    p.setString(3, info.createdAt().toString());
                    p.setString(4, info.createdAt().toString());
                    p.executeUpdate();
                  }
                  return new SessionInfo(info.id(), info.createdAt(), info.createdAt(), "", 0);
                }));
  }

  @Override
  public void append(String sessionId, SessionEntry entry) {
    Objects.requireNonNull(entry, "'entry' must not be null");
    call(
        () ->
            db.transaction(
                "append to session " + sessionId,
                c -> {
                  SessionInfo info = lockedInfo(c, sessionId);
                  String title = info.title();
                  int count = info.messageCount();
                  if (entry instanceof SessionEntry.Message m && m.message().role() != Role.TOOL) {
                    count++;
                    if (title.isEmpty() && m.message().role() == Role.USER) {
                      title = SessionInfo.titleOf(m.message().text());
                    }
                  }
                  Instant updated =
                      entry.at().isAfter(info.updatedAt()) ? entry.at() : info.updatedAt();
                  try (PreparedStatement p =
                      c.prepareStatement(
                          "insert into session_entries(workspace, session_id, entry) values (?, ?, ?)")) {
                    p.setString(1, workspace);
                    p.setString(2, sessionId);
                    p.setString(3, SessionCodec.encode(entry));
                    p.executeUpdate();
                  }
                  try (PreparedStatement p =
                      c.prepareStatement(
                          "update sessions set updated_at = ?, title = ?,"
                              + " message_count = ? where workspace = ? and id = ?")) {
                    p.setString(1, updated.toString());
                    p.setString(2, title);
                    p.setInt(3, count);
                    p.setString(4, workspace);
                    p.setString(5, sessionId);
                    p.executeUpdate();
                  }
                  return null;
                }));
  }

  @Override
  public List<SessionEntry> read(String sessionId) {
    return call(
        () ->
            db.transaction(
                "read session " + sessionId,
                c -> {
                  lockedInfo(c, sessionId);
                  try (PreparedStatement p =
                      c.prepareStatement(
                          "select entry from session_entries"
                              + " where workspace = ? and session_id = ? order by seq")) {
                    p.setString(1, workspace);
                    p.setString(2, sessionId);
                    try (ResultSet rs = p.executeQuery()) {
                      List<SessionEntry> entries = new ArrayList<>();
                      while (rs.next()) {
                        entries.add(decode(rs.getString(1), sessionId));
                      }
                      return entries;
                    }
                  }
                }));
  }

  @Override
  public Optional<SessionInfo> find(String idOrPrefix) {
    Objects.requireNonNull(idOrPrefix, "'idOrPrefix' must not be null");
    List<SessionInfo> matches =
        call(
            () ->
                db.read(
                    "find session " + idOrPrefix,
                    c -> {
                      try (PreparedStatement p =
                          c.prepareStatement(
                              "select "
                                  + INFO_COLUMNS
                                  + " from sessions where workspace = ?"
                                  + " and (id = ? or starts_with(id, ?)) order by id")) {
                        p.setString(1, workspace);
                        p.setString(2, idOrPrefix);
                        p.setString(3, idOrPrefix);
                        return infos(p);
                      }
                    }));
    Optional<SessionInfo> exact =
        matches.stream().filter(s -> s.id().equals(idOrPrefix)).findFirst();
    if (exact.isPresent()) {
      return exact;
    }
    if (matches.size() > 1) {
      throw new SessionException(
          "session prefix '"
              + idOrPrefix
              + "' is ambiguous: it matches "
              + matches.stream().map(SessionInfo::id).toList()
              + "; give more characters");
    }
    return matches.stream().findFirst();
  }

  @Override
  public List<SessionInfo> list() {
    List<SessionInfo> all =
        call(
            () ->
                db.read(
                    "list sessions",
                    c -> {
                      try (PreparedStatement p =
                          c.prepareStatement(
                              "select " + INFO_COLUMNS + " from sessions where workspace = ?")) {
                        p.setString(1, workspace);
                        return infos(p);
                      }
                    }));
    return all.stream()
        .sorted(
            Comparator.comparing(SessionInfo::updatedAt)
                .thenComparing(SessionInfo::createdAt)
                .reversed())
        .toList();
  }

  private SessionInfo lockedInfo(Connection c, String sessionId) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "select "
                + INFO_COLUMNS
                + " from sessions"
                + " where workspace = ? and id = ? for update")) {
      p.setString(1, workspace);
      p.setString(2, sessionId);
      List<SessionInfo> found = infos(p);
      if (found.isEmpty()) {
        throw new SessionException(
            "no session '" + sessionId + "': list them with 'sessions list'");
      }
      return found.get(0);
    }
  }

  private static List<SessionInfo> infos(PreparedStatement p) throws SQLException {
    try (ResultSet rs = p.executeQuery()) {
      List<SessionInfo> infos = new ArrayList<>();
      while (rs.next()) {
        infos.add(
            new SessionInfo(
                rs.getString(1),
                Instant.parse(rs.getString(2)),
                Instant.parse(rs.getString(3)),
                rs.getString(4),
                rs.getInt(5)));
      }
      return infos;
    }
  }

  private static SessionEntry decode(String json, String sessionId) {
    try {
      return SessionCodec.decode(json);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new SessionException(
          "session " + sessionId + " holds an unreadable entry: " + e.getMessage(), e);
    }
  }

  /** Database failures as {@link SessionException}, with the adapter's message. */
  private static <T> T call(Supplier<T> work) {
    try {
      return work.get();
    } catch (IndexException e) {
      throw new SessionException(
          e.getMessage().replaceFirst("^memory index: ", "session store: "), e);
    }
  }
}
