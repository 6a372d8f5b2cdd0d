package dev.localgpt.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ToolCall;
import dev.localgpt.ports.session.InMemorySessionStore;
import dev.localgpt.ports.session.SessionEntry;
import dev.localgpt.ports.session.SessionException;
import dev.localgpt.ports.session.SessionStore;
import dev.localgpt.ports.session.TickingClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatSessionTest {
  private final Clock clock =
      new TickingClock(Instant.parse("2026-03-01T10:00:00Z"), Duration.ofSeconds(1));
  private final SessionStore store = new InMemorySessionStore(clock);
  @TempDir Path workspace;

  @Test
  void everyMessageIsStoredAsItArrives() {
    ChatSession session = ChatSession.start(store, clock);
    ToolCall call = new ToolCall("c1", "memory_search", JsonObject.of("query", "x"));

    session.onMessage(ChatMessage.user("find x"));
    assertThat(store.read(session.id())).hasSize(1);
    session.onMessage(ChatMessage.assistant("", List.of(call)));
    session.onMessage(ChatMessage.toolResult(call, "nothing"));

    assertThat(SessionHistory.messages(store.read(session.id()))).isEqualTo(session.history());
    assertThat(session.history()).hasSize(3);
  }

  @Test
  void resumesByPrefixOrTheMostRecent() {
    ChatSession older = ChatSession.start(store, clock);
    older.onMessage(ChatMessage.user("old"));
    ChatSession newer = ChatSession.start(store, clock);
    newer.onMessage(ChatMessage.user("new"));

    assertThat(ChatSession.resume(store, older.id().substring(0, 8), clock).history())
        .containsExactly(ChatMessage.user("old"));
    assertThat(ChatSession.resumeLatest(store, clock))
        .hasValueSatisfying(s -> assertThat(s.id()).isEqualTo(newer.id()));
  }

  @Test
  void resumingAnUnknownSessionSaysHowToFindOne() {
    assertThatThrownBy(() -> ChatSession.resume(store, "feedbeef", clock))
        .isInstanceOf(SessionException.class)
        .hasMessageContaining("feedbeef")
        .hasMessageContaining("sessions list");
    assertThat(ChatSession.resumeLatest(store, clock)).isEmpty();
  }

  @Test
  void aResumedSessionAfterCompactionHasTheSameHistoryAsTheLiveOne() {
    ChatSession live = ChatSession.start(store, clock);
    for (int i = 1; i <= 4; i++) {
      live.onMessage(ChatMessage.user("q" + i));
      live.onMessage(ChatMessage.assistant("a" + i));
    }
    live.applyCompaction("summary one", 4, 100);
    live.onMessage(ChatMessage.user("q5"));
    live.onMessage(ChatMessage.assistant("a5"));
    live.applyCompaction("summary two", 3, 100);
    live.onMessage(ChatMessage.user("q6"));

    List<ChatMessage> resumed = ChatSession.resume(store, live.id(), clock).history();

    assertThat(resumed).isEqualTo(live.history());
    assertThat(resumed.getFirst().text())
        .startsWith(SessionHistory.SUMMARY_MARKER)
        .endsWith("summary two");
    assertThat(resumed.subList(1, resumed.size()))
        .containsExactly(
            ChatMessage.assistant("a4"),
            ChatMessage.user("q5"),
            ChatMessage.assistant("a5"),
            ChatMessage.user("q6"));
    assertThat(store.read(live.id()))
        .filteredOn(SessionEntry.Compaction.class::isInstance)
        .hasSize(2);
  }

  @Test
  void newSavesTheTranscriptIncludingCompactedTurnsAndStartsAFreshSession() throws Exception {
    ChatSession session = ChatSession.start(store, clock);
    session.onMessage(ChatMessage.user("Remember the blue door"));
    session.onMessage(ChatMessage.assistant("Noted."));
    session.applyCompaction("blue door", 0, 10);
    TranscriptSaver saver =
        new TranscriptSaver(
            workspace,
            Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC),
            ZoneOffset.UTC);

    ChatSession.Renewal renewal = session.startNew(saver);

    assertThat(renewal.savedTo()).contains("memory/2026-03-01-remember-the-blue-door.md");
    assertThat(Files.readString(workspace.resolve(renewal.savedTo().orElseThrow())))
        .contains("**User**: Remember the blue door", "**Assistant**: Noted.")
        .doesNotContain(SessionHistory.SUMMARY_MARKER);
    assertThat(renewal.next().id()).isNotEqualTo(session.id());
    assertThat(renewal.next().history()).isEmpty();
    assertThat(store.read(session.id())).hasSize(3);
  }
}
