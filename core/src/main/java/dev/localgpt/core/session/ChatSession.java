package dev.localgpt.core.session;

import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.session.SessionEntry;
import dev.localgpt.ports.session.SessionException;
import dev.localgpt.ports.session.SessionInfo;
import dev.localgpt.ports.session.SessionStore;
import dev.localgpt.ports.session.SessionTranscript;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The live conversation of one session. Every message is written to the {@link SessionStore} before
 * it joins the in-memory history, so what the model has seen is always on disk. Thread-safe.
 */
public final class ChatSession {
  private final SessionStore store;
  private final Clock clock;
  private final String id;
  private final List<ChatMessage> history;
  private final Optional<String> readWarning;

  private ChatSession(
      SessionStore store,
      Clock clock,
      String id,
      List<ChatMessage> history,
      Optional<String> readWarning) {
    this.store = store;
    this.clock = clock;
    this.id = id;
    this.history = new ArrayList<>(history);
    this.readWarning = readWarning;
  }

  /** A new, empty session. */
  public static ChatSession start(SessionStore store, Clock clock) {
    return new ChatSession(store, clock, store.create().id(), List.of(), Optional.empty());
  }

  /**
   * Resumes a session by id or unique id prefix, applying its compactions.
   *
   * @throws SessionException when nothing matches or the prefix is ambiguous
   */
  public static ChatSession resume(SessionStore store, String idOrPrefix, Clock clock) {
    SessionInfo info =
        store
            .find(idOrPrefix)
            .orElseThrow(
                () ->
                    new SessionException(
                        "no session matches '" + idOrPrefix + "': see 'sessions list'"));
    return open(store, info.id(), clock);
  }

  /** Resumes the most recently updated session, if there is one. */
  public static Optional<ChatSession> resumeLatest(SessionStore store, Clock clock) {
    return store.latest().map(info -> open(store, info.id(), clock));
  }

  private static ChatSession open(SessionStore store, String id, Clock clock) {
    SessionTranscript stored = store.transcript(id);
    return new ChatSession(
        store, clock, id, SessionHistory.rebuild(stored.entries()), stored.warning());
  }

  public String id() {
    return id;
  }

  /**
   * When resumed from a stored session with unreadable lines: the store's warning naming them
   * (shown once).
   */
  public Optional<String> readWarning() {
    return readWarning;
  }

  /** The history to send to the model (after compactions), oldest first; a snapshot. */
  public synchronized List<ChatMessage> history() {
    return List.copyOf(history);
  }

  /**
   * Records a new message: persisted first, then added to the history. The agent loop calls this
   * for every user message, model reply (with its tool calls) and tool result, as it happens.
   */
  public synchronized void onMessage(ChatMessage message) {
    store.append(id, new SessionEntry.Message(clock.instant(), message));
    history.add(message);
  }

  /** Every message of the session as stored, including those compacted away. */
  public List<ChatMessage> transcript() {
    return SessionHistory.messages(store.read(id));
  }

  /**
   * Records a compaction and replaces the history by the summary plus the last {@code keptMessages}
   * messages. Called by {@link Compactor} after the checkpoint is on disk.
   */
  synchronized void applyCompaction(String summary, int keptMessages, int tokensBefore) {
    store.append(
        id, new SessionEntry.Compaction(clock.instant(), summary, keptMessages, tokensBefore));
    List<ChatMessage> kept =
        List.copyOf(history.subList(history.size() - keptMessages, history.size()));
    history.clear();
    history.addAll(SessionHistory.compacted(summary, kept));
  }

  /**
   * What {@code /new} did: the saved transcript (workspace-relative path), if any, and the fresh
   * session.
   */
  public record Renewal(Optional<String> savedTo, ChatSession next) {}

  /**
   * {@code /new}: saves the last messages to {@code memory/DATE-slug.md} (when there are any), then
   * starts a new session in the same store. This session's transcript stays in the store.
   */
  public Renewal startNew(TranscriptSaver saver) {
    Optional<String> saved = saver.save(id, transcript());
    return new Renewal(saved, start(store, clock));
  }
}
