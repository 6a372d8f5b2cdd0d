package dev.localgpt.ports.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ToolCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link SessionStore} promises; extended by the fake and by each adapter. */
public abstract class SessionStoreContract {
  protected static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  /** A fresh, empty store whose {@link SessionStore#create} reads {@code clock}. */
  protected abstract SessionStore newStore(Clock clock);

  protected SessionStore newStore() {
    return newStore(new TickingClock(T0, Duration.ofSeconds(1)));
  }

  @Test
  void aNewSessionIsEmptyAndFindableById() {
    SessionStore store = newStore();
    SessionInfo info = store.create();

    assertThat(store.read(info.id())).isEmpty();
    assertThat(store.find(info.id())).map(SessionInfo::id).contains(info.id());
    assertThat(info.messageCount()).isZero();
    assertThat(info.title()).isEmpty();
  }

  @Test
  void entriesComeBackInOrderWithToolCallsAndCompactions() {
    SessionStore store = newStore();
    String id = store.create().id();
    ToolCall call =
        new ToolCall(
            "call_1",
            "memory_search",
            JsonObject.builder().put("query", "cats").put("limit", 3).build());
    List<SessionEntry> written =
        List.of(
            new SessionEntry.Message(
                T0.plusSeconds(10), ChatMessage.user("What about cats?\nsecond line")),
            new SessionEntry.Message(
                T0.plusSeconds(11), ChatMessage.assistant("Let me look.", List.of(call))),
            new SessionEntry.Message(
                T0.plusSeconds(12), ChatMessage.toolResult(call, "1. [MEMORY.md:3-4] cats")),
            new SessionEntry.Message(T0.plusSeconds(13), ChatMessage.assistant("You like cats.")),
            new SessionEntry.Compaction(T0.plusSeconds(14), "User likes cats.", 2, 1234),
            new SessionEntry.Message(
                T0.plusSeconds(15), ChatMessage.user("ünïcødé \"quotes\" \\ ok")));
    written.forEach(entry -> store.append(id, entry));

    assertThat(store.read(id)).containsExactlyElementsOf(written);
    assertThat(store.transcript(id)).isEqualTo(SessionTranscript.of(written));
  }

  @Test
  void infoCountsUserAndAssistantMessagesAndTakesTheTitleFromTheFirstUserMessage() {
    SessionStore store = newStore();
    String id = store.create().id();
    ToolCall call = new ToolCall("c1", "read_file", JsonObject.of("path", "a.md"));
    store.append(
        id, new SessionEntry.Message(T0.plusSeconds(5), ChatMessage.user("Plan my week\nplease")));
    store.append(
        id, new SessionEntry.Message(T0.plusSeconds(6), ChatMessage.assistant("", List.of(call))));
    store.append(
        id, new SessionEntry.Message(T0.plusSeconds(7), ChatMessage.toolResult(call, "text")));
    store.append(id, new SessionEntry.Message(T0.plusSeconds(8), ChatMessage.assistant("Done")));

    SessionInfo info = store.find(id).orElseThrow();
    assertThat(info.title()).isEqualTo("Plan my week");
    assertThat(info.messageCount()).isEqualTo(3);
    assertThat(info.updatedAt()).isEqualTo(T0.plusSeconds(8));
  }

  @Test
  void listIsNewestFirstByLastAppend() {
    SessionStore store = newStore();
    String first = store.create().id();
    String second = store.create().id();
    String third = store.create().id();
    store.append(first, new SessionEntry.Message(T0.plusSeconds(100), ChatMessage.user("later")));

    assertThat(store.list()).extracting(SessionInfo::id).containsExactly(first, third, second);
    assertThat(store.latest()).map(SessionInfo::id).contains(first);
  }

  @Test
  void aUniquePrefixFindsTheSession() {
    SessionStore store = newStore();
    String id = store.create().id();
    store.create();

    assertThat(store.find(id.substring(0, 8))).map(SessionInfo::id).contains(id);
    assertThat(store.find("zzzz")).isEmpty();
  }

  @Test
  void anAmbiguousPrefixIsAClearError() {
    SessionStore store = newStore();
    Map<Character, List<String>> byFirstChar = new HashMap<>();
    List<String> clash = null;
    while (clash == null) { // ids are random; 17 sessions guarantee two share a first hex digit
      String id = store.create().id();
      List<String> same = byFirstChar.computeIfAbsent(id.charAt(0), c -> new ArrayList<>());
      same.add(id);
      clash = same.size() == 2 ? same : null;
    }
    String prefix = clash.get(0).substring(0, 1);

    assertThatThrownBy(() -> store.find(prefix))
        .isInstanceOf(SessionException.class)
        .hasMessageContaining("ambiguous")
        .hasMessageContaining(clash.get(0))
        .hasMessageContaining(clash.get(1));
  }

  @Test
  void unknownSessionsAreErrorsForReadAndAppend() {
    SessionStore store = newStore();
    String unknown = "00000000-0000-4000-8000-000000000000";

    assertThatThrownBy(() -> store.read(unknown))
        .isInstanceOf(SessionException.class)
        .hasMessageContaining(unknown);
    assertThatThrownBy(() -> store.transcript(unknown)).isInstanceOf(SessionException.class);
    assertThatThrownBy(
            () -> store.append(unknown, new SessionEntry.Message(T0, ChatMessage.user("x"))))
        .isInstanceOf(SessionException.class);
  }
}
