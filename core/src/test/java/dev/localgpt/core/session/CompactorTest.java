package dev.localgpt.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.Role;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import dev.localgpt.ports.llm.ToolCall;
import dev.localgpt.ports.session.InMemorySessionStore;
import dev.localgpt.ports.session.SessionEntry;
import dev.localgpt.ports.session.SessionException;
import dev.localgpt.ports.session.SessionInfo;
import dev.localgpt.ports.session.SessionStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompactorTest {
  private static final Reply OUTAGE =
      Reply.failing(new ModelException(ModelException.Kind.SERVER, "fake outage"));
  private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:15:00Z"), ZoneOffset.UTC);
  @TempDir Path workspace;

  private Path note() {
    return workspace.resolve("memory/2026-03-01.md");
  }

  private Compactor compactor(ScriptedChatModel model) {
    return new Compactor(model, new MemoryCheckpoint(workspace, model, clock, ZoneOffset.UTC));
  }

  private static void talk(ChatSession session, int turns) {
    talk(session, turns, "");
  }

  private static void talk(ChatSession session, int turns, String padding) {
    for (int i = 1; i <= turns; i++) {
      session.onMessage(ChatMessage.user("question " + i + padding));
      session.onMessage(ChatMessage.assistant("answer " + i + padding));
    }
  }

  @Test
  void checkpointsSummarisesAndKeepsTheLastFourMessages() throws Exception {
    SessionStore store = new InMemorySessionStore(clock);
    ChatSession session = ChatSession.start(store, clock);
    talk(session, 5, "\n" + "detail ".repeat(100));
    ScriptedChatModel model =
        ScriptedChatModel.answeringText(
            r ->
                r.system().equals(Compactor.PROMPT)
                    ? "They asked three questions."
                    : "- asked things");

    CompactionOutcome outcome = compactor(model).compact(session, "system prompt");

    assertThat(outcome)
        .isInstanceOfSatisfying(
            CompactionOutcome.Compacted.class,
            c -> {
              assertThat(c.summarisedMessages()).isEqualTo(6);
              assertThat(c.keptMessages()).isEqualTo(4);
              assertThat(c.tokensAfter()).isLessThan(c.tokensBefore());
              assertThat(c.summaryFromModel()).isTrue();
              assertThat(c.checkpointPath()).isEqualTo("memory/2026-03-01.md");
            });
    assertThat(session.history()).hasSize(6);
    assertThat(session.history().getFirst().text()).endsWith("They asked three questions.");
    assertThat(session.history().subList(2, 6))
        .extracting(m -> SessionHistory.firstLine(m.text()))
        .containsExactly("question 4", "answer 4", "question 5", "answer 5");
    assertThat(Files.readString(note())).contains("## Checkpoint 10:15", "- asked things");
    assertThat(ChatSession.resume(store, session.id(), clock).history())
        .isEqualTo(session.history());
  }

  @Test
  void aToolCallStaysWithItsResults() {
    ChatSession session = ChatSession.start(new InMemorySessionStore(clock), clock);
    talk(session, 2);
    ToolCall a = new ToolCall("a", "read_file", JsonObject.EMPTY);
    ToolCall b = new ToolCall("b", "bash", JsonObject.EMPTY);
    session.onMessage(ChatMessage.user("look"));
    session.onMessage(ChatMessage.assistant("", List.of(a, b)));
    session.onMessage(ChatMessage.toolResult(a, "A"));
    session.onMessage(ChatMessage.toolResult(b, "B"));
    session.onMessage(ChatMessage.assistant("done"));
    session.onMessage(ChatMessage.user("thanks"));

    compactor(ScriptedChatModel.answeringText(r -> "summary")).compact(session, "");

    List<ChatMessage> history = session.history();
    int callIndex = history.indexOf(ChatMessage.assistant("", List.of(a, b)));
    assertThat(callIndex).isPositive();
    assertThat(history.subList(callIndex + 1, callIndex + 3))
        .extracting(ChatMessage::role)
        .containsOnly(Role.TOOL);
    assertThat(history.stream().filter(m -> m.role() == Role.TOOL)).hasSize(2);
    assertThat(history.get(callIndex - 1).text()).startsWith(SessionHistory.SUMMARY_MARKER);
  }

  @Test
  void splitNeverStartsOnAToolResult() {
    ToolCall c = new ToolCall("c", "bash", JsonObject.EMPTY);
    List<ChatMessage> all =
        List.of(
            ChatMessage.user("u"),
            ChatMessage.assistant("", List.of(c)),
            ChatMessage.toolResult(c, "r"),
            ChatMessage.assistant("x"),
            ChatMessage.user("y"),
            ChatMessage.assistant("z"));
    assertThat(Compactor.splitIndex(all, 4)).isEqualTo(1);
    assertThat(Compactor.splitIndex(all.subList(0, 4), 2)).isEqualTo(1);
    assertThat(Compactor.splitIndex(all.subList(1, 4), 2)).isZero();
  }

  @Test
  void withAFailingModelThePlainExtractAndUserLinesAreUsed() throws Exception {
    ChatSession session = ChatSession.start(new InMemorySessionStore(clock), clock);
    talk(session, 4);

    CompactionOutcome outcome =
        compactor(ScriptedChatModel.answering(r -> OUTAGE)).compact(session, "");

    assertThat(outcome)
        .isInstanceOfSatisfying(
            CompactionOutcome.Compacted.class, c -> assertThat(c.summaryFromModel()).isFalse());
    assertThat(session.history().getFirst().text())
        .contains("- User: question 1", "- Assistant: answer 2");
    assertThat(Files.readString(note())).contains("- question 1\n- question 2\n");
  }

  @Test
  void compactsOnlyOnceTheSoftLimitIsReached() {
    ChatSession session = ChatSession.start(new InMemorySessionStore(clock), clock);
    talk(session, 5, "x".repeat(1_000)); // about 2,500 tokens
    Compactor compactor = compactor(ScriptedChatModel.answeringText(r -> "short"));

    assertThat(compactor.compactIfNeeded(session, "", new ContextBudget(100_000, 20_000)))
        .isInstanceOf(CompactionOutcome.Skipped.class);
    assertThat(session.history()).hasSize(10);
    assertThat(compactor.compactIfNeeded(session, "", new ContextBudget(6_000, 0)))
        .isInstanceOf(CompactionOutcome.Compacted.class);
    assertThat(session.history()).hasSize(6);
  }

  @Test
  void fourMessagesOrFewerAreLeftAlone() {
    ChatSession session = ChatSession.start(new InMemorySessionStore(clock), clock);
    talk(session, 2);

    assertThat(compactor(ScriptedChatModel.answeringText(r -> "s")).compact(session, ""))
        .isInstanceOf(CompactionOutcome.Skipped.class);
    assertThat(note()).doesNotExist();
  }

  @Test
  void dyingBetweenCheckpointAndCompactionLosesNothing() throws Exception {
    InMemorySessionStore inner = new InMemorySessionStore(clock);
    SessionStore dying = new CrashOnCompaction(inner, note());
    ChatSession session = ChatSession.start(dying, clock);
    talk(session, 4);
    List<ChatMessage> before = session.history();

    assertThatThrownBy(
            () -> compactor(ScriptedChatModel.answeringText(r -> "- fact")).compact(session, ""))
        .isInstanceOf(SessionException.class);

    assertThat(Files.readString(note())).contains("- fact"); // the checkpoint was on disk first
    assertThat(ChatSession.resume(inner, session.id(), clock).history()).isEqualTo(before);
  }

  /**
   * A store that "dies" when the compaction entry is written, after checking the checkpoint exists.
   */
  private record CrashOnCompaction(SessionStore inner, Path note) implements SessionStore {
    public SessionInfo create() {
      return inner.create();
    }

    public List<SessionEntry> read(String id) {
      return inner.read(id);
    }

    public Optional<SessionInfo> find(String p) {
      return inner.find(p);
    }

    public List<SessionInfo> list() {
      return new ArrayList<>(inner.list());
    }

    public void append(String id, SessionEntry entry) {
      if (entry instanceof SessionEntry.Compaction) {
        assertThat(note).exists();
        throw new SessionException("process died");
      }
      inner.append(id, entry);
    }
  }
}
