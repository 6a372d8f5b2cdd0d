package dev.localgpt.adapter.providers.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ToolCall;
import dev.localgpt.ports.session.SessionEntry;
import dev.localgpt.ports.session.SessionException;
import dev.localgpt.ports.session.SessionInfo;
import dev.localgpt.ports.session.SessionTranscript;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlSessionStoreTest {
  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private final ObjectMapper json = new ObjectMapper();
  @TempDir Path tmp;

  private JsonlSessionStore store() {
    return new JsonlSessionStore(tmp.resolve("sessions"), Clock.fixed(T0, ZoneOffset.UTC), "/ws");
  }

  private static SessionEntry.Message msg(int second, ChatMessage message) {
    return new SessionEntry.Message(T0.plusSeconds(second), message);
  }

  @Test
  void directoryIs0700AndFilesAre0600() throws Exception {
    JsonlSessionStore store = store();
    SessionInfo info = store.create();

    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("sessions"))))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(store.fileOf(info.id()))))
        .isEqualTo("rw-------");
  }

  @Test
  void writesPiLinesWithAHeaderAndAParentChain() throws Exception {
    JsonlSessionStore store = store();
    String id = store.create().id();
    ToolCall call = new ToolCall("call_9", "bash", JsonObject.of("command", "ls"));
    store.append(id, msg(1, ChatMessage.user("hi")));
    store.append(id, msg(2, ChatMessage.assistant("", List.of(call))));
    store.append(id, msg(3, ChatMessage.toolResult(call, "a.md")));
    store.append(id, msg(4, ChatMessage.assistant("one file")));
    store.append(id, new SessionEntry.Compaction(T0.plusSeconds(5), "said hi", 2, 99));

    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(store.fileOf(id))) {
      lines.add(json.readTree(line));
    }
    assertThat(lines).hasSize(6);
    JsonNode header = lines.get(0);
    assertThat(header.path("type").asText()).isEqualTo("session");
    assertThat(header.path("version").asInt()).isEqualTo(3);
    assertThat(header.path("id").asText()).isEqualTo(id);
    assertThat(header.path("cwd").asText()).isEqualTo("/ws");
    assertThat(lines.get(1).path("parentId").isNull()).isTrue();
    for (int i = 2; i < lines.size(); i++) {
      assertThat(lines.get(i).path("parentId").asText())
          .isEqualTo(lines.get(i - 1).path("id").asText());
    }
    JsonNode toolCall = lines.get(2).path("message").path("content").get(0);
    assertThat(toolCall.path("type").asText()).isEqualTo("toolCall");
    assertThat(toolCall.path("arguments").path("command").asText()).isEqualTo("ls");
    JsonNode result = lines.get(3).path("message");
    assertThat(result.path("role").asText()).isEqualTo("toolResult");
    assertThat(result.path("toolCallId").asText()).isEqualTo("call_9");
    assertThat(result.path("toolName").asText()).isEqualTo("bash");
    JsonNode compaction = lines.get(5);
    assertThat(compaction.path("type").asText()).isEqualTo("compaction");
    assertThat(compaction.path("firstKeptEntryId").asText())
        .isEqualTo(lines.get(3).path("id").asText());
    assertThat(compaction.path("tokensBefore").asInt()).isEqualTo(99);
  }

  @Test
  void aTornLastLineIsIgnoredAndTheNextAppendStartsCleanly() throws Exception {
    JsonlSessionStore store = store();
    String id = store.create().id();
    store.append(id, msg(1, ChatMessage.user("kept")));
    Files.writeString(
        store.fileOf(id), "{\"type\":\"message\",\"id\":\"dead", StandardOpenOption.APPEND);

    JsonlSessionStore reopened = store();
    assertThat(reopened.read(id)).containsExactly(msg(1, ChatMessage.user("kept")));
    assertThat(reopened.find(id).orElseThrow().messageCount()).isEqualTo(1);

    reopened.append(id, msg(2, ChatMessage.assistant("after crash")));
    assertThat(store().read(id))
        .containsExactly(
            msg(1, ChatMessage.user("kept")), msg(2, ChatMessage.assistant("after crash")));
    assertThat(Files.readString(store.fileOf(id))).doesNotContain("dead").endsWith("\n");
  }

  @Test
  void everythingAppendedSurvivesAProcessDeath() {
    JsonlSessionStore first = store();
    String id = first.create().id();
    ToolCall call = new ToolCall("c1", "read_file", JsonObject.of("path", "MEMORY.md"));
    List<SessionEntry> written =
        List.of(
            msg(1, ChatMessage.user("read my memory")),
            msg(2, ChatMessage.assistant("ok", List.of(call))),
            msg(3, ChatMessage.toolResult(call, "# Memory")));
    written.forEach(entry -> first.append(id, entry));
    // no close, no flush call: a new store instance stands for the next process

    JsonlSessionStore next = store();
    assertThat(next.read(id)).containsExactlyElementsOf(written);
    next.append(id, msg(4, ChatMessage.assistant("done")));
    assertThat(store().read(id)).hasSize(4);
  }

  @Test
  void readsTranscriptsWrittenByPi() throws Exception {
    JsonlSessionStore store = store();
    String id = "0b9e4c1e-5f7a-4c39-9a51-1f2d3e4f5a6b";
    String pi =
        """
        {"type":"session","version":3,"id":"%s","timestamp":"2026-01-02T10:00:00.000Z","cwd":"/p"}
        {"type":"message","id":"a1","parentId":null,"timestamp":"2026-01-02T10:00:01.000Z","message":{"role":"user","content":"Hello","timestamp":1}}
        {"type":"model_change","id":"a2","parentId":"a1","timestamp":"2026-01-02T10:00:02.000Z","provider":"openai","modelId":"gpt-4o"}
        {"type":"message","id":"a3","parentId":"a2","timestamp":"2026-01-02T10:00:03.000Z","message":{"role":"assistant","content":[{"type":"thinking","thinking":"hmm"},{"type":"text","text":"Hi!"}],"stopReason":"stop"}}
        {"type":"message","id":"a4","parentId":"a3","timestamp":"2026-01-02T10:00:04.000Z","message":{"role":"user","content":[{"type":"text","text":"Bye"}]}}
        {"type":"compaction","id":"a5","parentId":"a4","timestamp":"2026-01-02T10:00:05.000Z","summary":"greetings","firstKeptEntryId":"a3","tokensBefore":500}
        """
            .formatted(id);
    Files.writeString(store.fileOf(id), pi);

    assertThat(store.read(id))
        .containsExactly(
            new SessionEntry.Message(
                Instant.parse("2026-01-02T10:00:01Z"), ChatMessage.user("Hello")),
            new SessionEntry.Message(
                Instant.parse("2026-01-02T10:00:03Z"), ChatMessage.assistant("Hi!")),
            new SessionEntry.Message(
                Instant.parse("2026-01-02T10:00:04Z"), ChatMessage.user("Bye")),
            new SessionEntry.Compaction(
                Instant.parse("2026-01-02T10:00:05Z"), "greetings", 2, 500));
    SessionInfo info = store.find("0b9e").orElseThrow();
    assertThat(info.title()).isEqualTo("Hello");
    assertThat(info.messageCount()).isEqualTo(3);
    assertThat(info.createdAt()).isEqualTo(Instant.parse("2026-01-02T10:00:00Z"));
  }

  @Test
  void aGarbageLineIsSkippedWithOneWarningNamingHowManyAndWhere() throws Exception {
    JsonlSessionStore store = store();
    String id = store.create().id();
    store.append(id, msg(1, ChatMessage.user("x")));
    Files.writeString(store.fileOf(id), "not json\n", StandardOpenOption.APPEND);
    Files.writeString(store.fileOf(id), "{\"type\":\"custom\"}\n", StandardOpenOption.APPEND);
    Files.writeString(store.fileOf(id), "[1, 2]\n", StandardOpenOption.APPEND);

    JsonlSessionStore reopened = store();
    reopened.append(id, msg(2, ChatMessage.user("y")));
    SessionTranscript transcript = store().transcript(id);

    assertThat(transcript.entries())
        .containsExactly(msg(1, ChatMessage.user("x")), msg(2, ChatMessage.user("y")));
    assertThat(transcript.warning().orElseThrow())
        .contains(id, "skipped 2 unreadable lines", "lines 3, 5", store.fileOf(id).toString());
    assertThat(store().read(id)).hasSize(2);
    assertThat(Files.readString(store.fileOf(id))).contains("not json\n");
  }

  @Test
  void aTornLineWithMoreLinesAppendedAfterItLosesOnlyTheTornLine() throws Exception {
    JsonlSessionStore store = store();
    String id = store.create().id();
    store.append(id, msg(1, ChatMessage.user("before")));
    String next =
        new PiJsonCodec().entry(msg(3, ChatMessage.user("after")), "abcd0001", null, null);
    Files.writeString(
        store.fileOf(id),
        "{\"type\":\"message\",\"id\":\"de" + next + "\n" + next.replace("0001", "0002") + "\n",
        StandardOpenOption.APPEND);

    SessionTranscript transcript = store().transcript(id);

    assertThat(transcript.entries())
        .containsExactly(msg(1, ChatMessage.user("before")), msg(3, ChatMessage.user("after")));
    assertThat(transcript.warning().orElseThrow()).contains("skipped 1 unreadable line", "line 3");
  }

  @Test
  void aLineWithAnUnparsableTimestampIsSkippedAndTheRestLoads() throws Exception {
    JsonlSessionStore store = store();
    String id = store.create().id();
    store.append(id, msg(1, ChatMessage.user("one")));
    store.append(id, msg(2, ChatMessage.assistant("two")));
    store.append(id, msg(3, ChatMessage.user("three")));
    Path file = store.fileOf(id);
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(2, lines.get(2).replace(T0.plusSeconds(2).toString(), "yesterday-ish"));
    Files.write(file, lines);

    SessionTranscript transcript = store().transcript(id);

    assertThat(transcript.entries())
        .containsExactly(msg(1, ChatMessage.user("one")), msg(3, ChatMessage.user("three")));
    assertThat(transcript.warning().orElseThrow()).contains("skipped 1 unreadable line", "line 3");
  }

  @Test
  void aSessionWithADamagedHeaderIsStillListedFoundAndRead() throws Exception {
    JsonlSessionStore store = store();
    String id = store.create().id();
    store.append(id, msg(1, ChatMessage.user("hello there")));
    store.append(id, msg(2, ChatMessage.assistant("hi")));
    Path file = store.fileOf(id);
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(0, lines.get(0).substring(0, 20));
    Files.write(file, lines);

    JsonlSessionStore reopened = store();
    assertThat(reopened.list()).extracting(SessionInfo::id).containsExactly(id);
    SessionInfo info = reopened.find(id.substring(0, 8)).orElseThrow();
    assertThat(info.messageCount()).isEqualTo(2);
    assertThat(info.title()).isEqualTo("hello there");
    SessionTranscript transcript = reopened.transcript(id);
    assertThat(transcript.entries()).hasSize(2);
    assertThat(transcript.warning().orElseThrow()).contains("line 1", "header");
    reopened.append(id, msg(3, ChatMessage.user("still works")));
    assertThat(store().read(id)).hasSize(3);
  }

  @Test
  void anEmptySessionFileIsStillListed() throws Exception {
    JsonlSessionStore store = store();
    Files.writeString(store.fileOf("empty-one"), "");

    assertThat(store.list()).extracting(SessionInfo::id).containsExactly("empty-one");
    assertThat(store.transcript("empty-one").entries()).isEmpty();
  }

  @Test
  void anAppendKeepsTurnsAnotherProcessAppendedAfterThisOneLastWrote() throws Exception {
    JsonlSessionStore first = store();
    JsonlSessionStore second = store(); // stands for a second process: its own cache of the file
    String id = first.create().id();
    first.append(id, msg(1, ChatMessage.user("first: 1")));
    second.append(id, msg(2, ChatMessage.user("second: 1")));
    second.append(id, msg(3, ChatMessage.assistant("second: 2")));
    first.append(id, msg(4, ChatMessage.assistant("first: 2")));

    assertThat(store().read(id))
        .containsExactly(
            msg(1, ChatMessage.user("first: 1")),
            msg(2, ChatMessage.user("second: 1")),
            msg(3, ChatMessage.assistant("second: 2")),
            msg(4, ChatMessage.assistant("first: 2")));
    assertThat(first.read(id)).hasSize(4);
    List<String> lines = Files.readAllLines(first.fileOf(id));
    for (int i = 2; i < lines.size(); i++) {
      assertThat(json.readTree(lines.get(i)).path("parentId").asText())
          .isEqualTo(json.readTree(lines.get(i - 1)).path("id").asText());
    }
  }

  @Test
  void idsThatCouldEscapeTheDirectoryAreRefused() {
    JsonlSessionStore store = store();
    assertThatThrownBy(() -> store.find("../etc"))
        .isInstanceOf(SessionException.class)
        .hasMessageContaining("invalid");
    assertThatThrownBy(() -> store.read("../x")).isInstanceOf(SessionException.class);
  }

  @Test
  void listPicksUpEntriesAppendedAfterAnEarlierListing() {
    JsonlSessionStore store = store();
    String id = store.create().id();
    store.append(id, msg(1, ChatMessage.user("one")));
    assertThat(store.list()).singleElement().extracting(SessionInfo::messageCount).isEqualTo(1);

    store.append(id, msg(2, ChatMessage.assistant("two")));
    store.append(id, msg(3, ChatMessage.user("three")));
    SessionInfo info = store.list().getFirst();
    assertThat(info.messageCount()).isEqualTo(3);
    assertThat(info.title()).isEqualTo("one");
    assertThat(new String(info.id().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
        .isEqualTo(id);
  }
}
