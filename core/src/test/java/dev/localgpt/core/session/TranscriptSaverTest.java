package dev.localgpt.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.agent.MemoryOnlyChatModel;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ToolCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TranscriptSaverTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T14:05:09Z"), ZoneOffset.UTC);
  @TempDir Path workspace;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Plan my trip to Lisbon next week | plan-my-trip-to",
        "  Hello,   World!  How are you? | hello-world-how-are",
        "What's the BEST way? | whats-the-best-way",
        "supercalifragilistic expialidocious words here | supercalifragilistic-expialido",
        "?? !! hello | hello",
        "!!! ??? | session",
        "Grüße aus München | grüße-aus-münchen",
      })
  void slugIsFirstFourWordsLowercaseAlphanumericAtMost30(String message, String slug) {
    assertThat(TranscriptSaver.slug(message)).isEqualTo(slug).hasSizeLessThanOrEqualTo(30);
  }

  @Test
  void writesTheLocalGptBodyWithUserAndAssistantLinesAndToolNamesOnly() throws Exception {
    ToolCall call = new ToolCall("c", "bash", JsonObject.EMPTY);
    List<ChatMessage> messages =
        List.of(
            ChatMessage.user("Plan my trip to Lisbon next week"),
            ChatMessage.assistant("", List.of(call)),
            ChatMessage.toolResult(call, "tool output"),
            ChatMessage.assistant("Sure: day one, Alfama."));

    String path =
        new TranscriptSaver(workspace, CLOCK, ZoneOffset.UTC).save("sid-1", messages).orElseThrow();

    assertThat(path).isEqualTo("memory/2026-03-01-plan-my-trip-to.md");
    assertThat(Files.readString(workspace.resolve(path)))
        .isEqualTo(
            """
            # Session: 2026-03-01 14:05:09

            - **Session ID**: sid-1

            ## Conversation

            **User**: Plan my trip to Lisbon next week

            **Assistant**: _(tools: bash)_

            **Assistant**: Sure: day one, Alfama.
            """);
  }

  @Test
  void savedNotesHoldTheConversationNotTheSnippetsItRetrieved() throws Exception {
    String snippet = "The garage door code is 4711";
    ToolCall search = new ToolCall("c1", "memory_search", JsonObject.of("query", "garage code"));
    String memoryOnlyAnswer =
        "Here is what your memory says (best matches first):\n\n1. MEMORY.md:3-3 (score 0.91)\n"
            + "   "
            + snippet
            + "\n\n"
            + MemoryOnlyChatModel.HOW_TO_CONFIGURE;
    List<ChatMessage> messages =
        List.of(
            ChatMessage.user("what is the garage code?"),
            ChatMessage.assistant(memoryOnlyAnswer),
            ChatMessage.user("and with a model?"),
            ChatMessage.assistant("Let me look.", List.of(search)),
            ChatMessage.toolResult(
                search, "[{\"path\":\"MEMORY.md\",\"snippet\":\"" + snippet + "\"}]"),
            ChatMessage.assistant(
                "<memory_context>\n" + snippet + "\n</memory_context>\nIt is in MEMORY.md."));

    String path =
        new TranscriptSaver(workspace, CLOCK, ZoneOffset.UTC).save("s", messages).orElseThrow();

    String body = Files.readString(workspace.resolve(path));
    assertThat(body).doesNotContain("4711").doesNotContain("score");
    assertThat(body)
        .contains(
            "**User**: what is the garage code?",
            "**User**: and with a model?",
            "**Assistant**: Let me look. _(tools: memory_search)_",
            "**Assistant**: It is in MEMORY.md.",
            "**Assistant**: (answered with memory search results; not copied here)");
  }

  @Test
  void savedNotesAndTheFolderMadeForThemAreOwnerOnly() throws Exception {
    List<ChatMessage> messages = List.of(ChatMessage.user("hello"), ChatMessage.assistant("hi"));

    String path =
        new TranscriptSaver(workspace, CLOCK, ZoneOffset.UTC).save("s", messages).orElseThrow();

    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(workspace.resolve(path))))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(workspace.resolve("memory"))))
        .isEqualTo("rwx------");
  }

  @Test
  void onlyTheLastNMessagesAreSavedButTheSlugComesFromTheFirstUserMessage() throws Exception {
    List<ChatMessage> messages = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      messages.add(ChatMessage.user("question " + i));
      messages.add(ChatMessage.assistant("answer " + i));
    }

    String path =
        new TranscriptSaver(workspace, CLOCK, ZoneOffset.UTC, 3).save("s", messages).orElseThrow();

    String body = Files.readString(workspace.resolve(path));
    assertThat(path).endsWith("-question-1.md");
    assertThat(body)
        .contains("**Assistant**: answer 9", "**User**: question 10", "**Assistant**: answer 10");
    assertThat(body).doesNotContain("question 9").doesNotContain("answer 8");
  }

  @Test
  void neverOverwritesAnExistingFile() throws Exception {
    TranscriptSaver saver = new TranscriptSaver(workspace, CLOCK, ZoneOffset.UTC);
    Files.createDirectories(workspace.resolve("memory"));
    Files.writeString(workspace.resolve("memory/2026-03-01-hello.md"), "mine");
    List<ChatMessage> messages = List.of(ChatMessage.user("hello"), ChatMessage.assistant("hi"));

    assertThat(saver.save("a", messages)).contains("memory/2026-03-01-hello-2.md");
    assertThat(saver.save("b", messages)).contains("memory/2026-03-01-hello-3.md");
    assertThat(Files.readString(workspace.resolve("memory/2026-03-01-hello.md"))).isEqualTo("mine");
    assertThat(Files.readString(workspace.resolve("memory/2026-03-01-hello-3.md")))
        .contains("**Session ID**: b");
  }

  @Test
  void anEmptyConversationSavesNothing() {
    assertThat(new TranscriptSaver(workspace, CLOCK, ZoneOffset.UTC).save("a", List.of()))
        .isEmpty();
    assertThat(workspace.resolve("memory")).doesNotExist();
  }

  @Test
  void exportShowsToolCallsAndFencesResultsSafely() {
    ToolCall call = new ToolCall("c", "read_file", JsonObject.of("path", "a.md"));
    String md =
        TranscriptExport.markdown(
            "s1",
            List.of(
                ChatMessage.user("read a.md"),
                ChatMessage.assistant("", List.of(call)),
                ChatMessage.toolResult(call, "```\n## not a heading\n```")));

    assertThat(md).startsWith("# Session s1\n\n## User\n\nread a.md\n");
    assertThat(md)
        .contains("tool call `read_file`", "{\"path\":\"a.md\"}", "### Tool result: read_file");
    assertThat(md).contains("````\n```\n## not a heading\n```\n````");
  }
}
