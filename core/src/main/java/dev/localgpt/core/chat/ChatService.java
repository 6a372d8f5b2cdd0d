package dev.localgpt.core.chat;

import dev.localgpt.core.agent.AgentResult;
import dev.localgpt.core.memory.MemoryHit;
import dev.localgpt.core.memory.SearchOptions;
import dev.localgpt.core.session.ChatSession;
import dev.localgpt.core.session.CompactionOutcome;
import dev.localgpt.core.session.ContextBudget;
import dev.localgpt.core.session.TranscriptExport;
import dev.localgpt.core.session.TranscriptSaver;
import dev.localgpt.core.skills.SkillSet;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.session.SessionInfo;
import dev.localgpt.ports.tools.ToolServerStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One conversation, as the REPL, {@code ask}, the library and the HTTP server use it. Every message
 * is persisted as it happens (through the agent loop's {@code onMessage}); before each turn the
 * context is checked and, past the soft limit, the facts are checkpointed to today's daily note and
 * older turns compacted. One turn at a time: all methods are synchronized. Model failures ({@link
 * dev.localgpt.ports.llm.ModelException}) propagate from {@link #send}; the messages stored before
 * them remain valid history.
 */
public final class ChatService {
  private final ChatSetup setup;
  private final TranscriptSaver saver;
  private ChatSession session;
  private SessionSetup current;

  private ChatService(ChatSetup setup, ChatSession session) {
    this.setup = setup;
    this.saver = new TranscriptSaver(setup.workspace().base(), setup.clock(), setup.zone());
    this.session = session;
    this.current = SessionSetup.create(setup, setup.model());
  }

  /** A new conversation in a new session. */
  public static ChatService start(ChatSetup setup) {
    return new ChatService(setup, ChatSession.start(setup.sessions(), setup.clock()));
  }

  /**
   * Continues a stored session.
   *
   * @throws dev.localgpt.ports.session.SessionException when no session (or several) match
   */
  public static ChatService resume(ChatSetup setup, String idOrPrefix) {
    return new ChatService(setup, ChatSession.resume(setup.sessions(), idOrPrefix, setup.clock()));
  }

  /** Continues the most recent session, or starts a new one when there is none. */
  public static ChatService resumeLatestOrStart(ChatSetup setup) {
    return new ChatService(
        setup,
        ChatSession.resumeLatest(setup.sessions(), setup.clock())
            .orElseGet(() -> ChatSession.start(setup.sessions(), setup.clock())));
  }

  /** Runs one turn for {@code userText}, streaming to {@code listener}. */
  public synchronized TurnResult send(String userText, ChatStreamListener listener) {
    Objects.requireNonNull(userText, "'userText' must not be null");
    ChatStreamListener out = listener == null ? ChatStreamListener.NONE : listener;
    Optional<CompactionOutcome.Compacted> compacted = compactIfNeeded(out);
    current.tools().refreshRemote().forEach(out::onNotice);
    TurnListener events = new TurnListener(session, out);
    AgentResult result = current.loop().run(session.history(), userText, events);
    return new TurnResult(
        result.text(),
        result.silent(),
        result.stoppedBecause(),
        result.usage(),
        result.model(),
        events.toolCalls(),
        session.id(),
        compacted);
  }

  private Optional<CompactionOutcome.Compacted> compactIfNeeded(ChatStreamListener out) {
    CompactionOutcome outcome =
        current.compactor().compactIfNeeded(session, current.systemPrompt(), current.budget());
    if (outcome instanceof CompactionOutcome.Compacted c) {
      out.onNotice(
          "Context near its limit: saved a checkpoint to "
              + c.checkpointPath()
              + " and summarised "
              + c.summarisedMessages()
              + " older messages ("
              + c.tokensBefore()
              + " -> "
              + c.tokensAfter()
              + " tokens).");
      return Optional.of(c);
    }
    return Optional.empty();
  }

  /**
   * {@code /new}: saves the transcript to {@code memory/DATE-slug.md} (if it has any text), then
   * starts over.
   */
  public synchronized NewSession newSession() {
    ChatSession.Renewal renewal = session.startNew(saver);
    switchTo(renewal.next());
    return new NewSession(renewal.savedTo(), session.id());
  }

  /** What {@link #newSession()} did. */
  public record NewSession(Optional<String> savedTo, String sessionId) {}

  /** {@code /clear}: forgets the history by starting a new session; nothing is saved to memory. */
  public synchronized String clear() {
    switchTo(ChatSession.start(setup.sessions(), setup.clock()));
    return session.id();
  }

  /** Switches to a stored session by id or unique prefix. */
  public synchronized String resume(String idOrPrefix) {
    switchTo(ChatSession.resume(setup.sessions(), idOrPrefix, setup.clock()));
    return session.id();
  }

  /**
   * When the current session was resumed from a stored one with unreadable lines: the warning
   * naming them (those lines were skipped, everything else was loaded). Shown once, when the
   * session is opened.
   */
  public synchronized Optional<String> sessionWarning() {
    return session.readWarning();
  }

  /** Switches to the most recent stored session, if any. */
  public synchronized Optional<String> resumeLatest() {
    Optional<ChatSession> latest = ChatSession.resumeLatest(setup.sessions(), setup.clock());
    latest.ifPresent(this::switchTo);
    return latest.map(ChatSession::id);
  }

  private void switchTo(ChatSession next) {
    session = next;
    current = SessionSetup.create(setup, current.model());
  }

  /** {@code /compact}: checkpoint and summarise now, whatever the budget. */
  public synchronized CompactionOutcome compact() {
    return current.compactor().compact(session, current.systemPrompt());
  }

  /**
   * {@code /model name}: later turns use {@code model}; the system prompt and tools are rebuilt for
   * it.
   */
  public synchronized void switchModel(ChatModel model) {
    current = SessionSetup.create(setup, Objects.requireNonNull(model, "'model' must not be null"));
  }

  public synchronized ChatStatus status() {
    return new ChatStatus(
        current.model().id(),
        memoryOnly(),
        session.id(),
        session.transcript().size(),
        context(),
        current.skills().ready().size(),
        setup.tools().bashEnabled() ? setup.tools().bashSandbox().describe() : "off");
  }

  /**
   * The notice a front end shows once when it opens the chat: bash is enabled but Bubblewrap is
   * missing, so commands run unsandboxed. Empty otherwise.
   */
  public Optional<String> shellNotice() {
    return setup.tools().bashSandbox().notice(setup.tools().bashEnabled());
  }

  /** {@code /context}: estimated tokens against the window. */
  public synchronized ContextUsage context() {
    ContextBudget budget = current.budget();
    return new ContextUsage(
        ContextBudget.estimate(current.systemPrompt()),
        current.toolTokens(),
        ContextBudget.estimate("", session.history()),
        budget.contextWindow(),
        budget.softLimit());
  }

  /** {@code /export}: the whole transcript as Markdown. */
  public synchronized String export() {
    return TranscriptExport.markdown(session.id(), session.transcript());
  }

  /** {@code /sessions}: the most recent sessions, newest first. */
  public List<SessionInfo> sessions(int limit) {
    return setup.sessions().list().stream().limit(limit).toList();
  }

  /** {@code /mcp}: the configured MCP servers, their state and tools (starts nothing). */
  public List<ToolServerStatus> mcpServers() {
    return setup.toolSource().status();
  }

  /** {@code /memory q}. */
  public List<MemoryHit> searchMemory(String query, int limit) {
    return setup.memory().search(query, SearchOptions.limit(limit));
  }

  public synchronized SkillSet skills() {
    return current.skills();
  }

  public synchronized String sessionId() {
    return session.id();
  }

  public synchronized ChatModel model() {
    return current.model();
  }

  public synchronized boolean memoryOnly() {
    return SessionSetup.isMemoryOnly(current.model());
  }

  /** The system prompt of this session (built once when the session or model changed). */
  public synchronized String systemPrompt() {
    return current.systemPrompt();
  }

  /** The workspace root (relative {@code /export} files go there). */
  public java.nio.file.Path workspaceBase() {
    return setup.workspace().base();
  }

  /** The history the model sees next, oldest first. */
  public synchronized List<ChatMessage> history() {
    return session.history();
  }
}
