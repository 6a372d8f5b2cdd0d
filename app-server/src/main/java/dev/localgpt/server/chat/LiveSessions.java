package dev.localgpt.server.chat;

import dev.localgpt.ports.session.SessionException;
import dev.localgpt.ports.session.SessionInfo;
import dev.localgpt.ports.session.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's sessions held in memory: at most {@code maxLive} (the least recently used idle one
 * is dropped first) and none idle longer than {@code idleExpiry}. Dropping loses nothing: every
 * message is already in the {@link SessionStore}, and a session is reloaded from it the next time
 * it is asked for. Thread-safe; sessions run their turns in parallel (only the bookkeeping here is
 * locked).
 */
public final class LiveSessions {
  public static final int MAX_LIVE = 100;
  public static final Duration IDLE_EXPIRY = Duration.ofMinutes(30);

  private final ChatEngine engine;
  private final SessionStore store;
  private final Clock clock;
  private final int maxLive;
  private final Duration idleExpiry;
  private final Map<String, LiveSession> live = new LinkedHashMap<>(16, 0.75f, true);

  public LiveSessions(
      ChatEngine engine, SessionStore store, Clock clock, int maxLive, Duration idleExpiry) {
    if (maxLive < 1) {
      throw new IllegalArgumentException("'maxLive' must be > 0, was " + maxLive);
    }
    this.engine = engine;
    this.store = store;
    this.clock = clock;
    this.maxLive = maxLive;
    this.idleExpiry = idleExpiry;
  }

  public LiveSessions(ChatEngine engine, SessionStore store) {
    this(engine, store, Clock.systemUTC(), MAX_LIVE, IDLE_EXPIRY);
  }

  /**
   * For a chat: the session {@code id} (live, else reloaded from disk), or a new one when absent or
   * unknown.
   */
  public LiveSession open(Optional<String> id) {
    engine.setup();
    if (id.isPresent()) {
      Optional<LiveSession> found = find(id.get());
      if (found.isPresent()) {
        return found.get();
      }
    }
    return create();
  }

  /** A new session. */
  public LiveSession create() {
    engine.setup();
    LiveSession session = new LiveSession(engine.start(), clock);
    synchronized (this) {
      live.put(session.id(), session);
      trim();
    }
    return session;
  }

  /** The session {@code id}: live, else reloaded from the store; empty when it does not exist. */
  public Optional<LiveSession> find(String id) {
    engine.setup();
    synchronized (this) {
      expire();
      LiveSession session = live.get(id);
      if (session != null) {
        return Optional.of(session);
      }
      if (!stored(id)) {
        return Optional.empty();
      }
      session = new LiveSession(engine.resume(id), clock);
      live.put(id, session);
      trim();
      return Optional.of(session);
    }
  }

  private boolean stored(String id) {
    try {
      return store.find(id).map(SessionInfo::id).filter(id::equals).isPresent();
    } catch (SessionException e) {
      return false; // a prefix of several ids: not a session id
    }
  }

  /** After a clear, the conversation lives on under a new id. */
  public synchronized void rekey(String oldId, LiveSession session) {
    live.remove(oldId);
    live.put(session.id(), session);
  }

  /** Drops the session from memory (its transcript stays on disk); false when it was not live. */
  public synchronized boolean close(String id) {
    return live.remove(id) != null;
  }

  /** The live sessions, most recently used last. */
  public synchronized List<LiveSession> list() {
    expire();
    return List.copyOf(new ArrayList<>(live.values()));
  }

  public synchronized int size() {
    return live.size();
  }

  /** Drops the sessions idle for longer than the expiry (not those in use). */
  public synchronized void expire() {
    live.values().removeIf(s -> !s.busy() && s.idle().compareTo(idleExpiry) > 0);
  }

  private void trim() {
    Iterator<LiveSession> oldestFirst = live.values().iterator();
    while (live.size() > maxLive && oldestFirst.hasNext()) {
      if (!oldestFirst.next().busy()) {
        oldestFirst.remove();
      }
    }
  }
}
