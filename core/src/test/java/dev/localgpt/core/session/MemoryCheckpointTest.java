package dev.localgpt.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.core.workspace.PathEscapeException;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryCheckpointTest {
  private static final Reply OUTAGE =
      Reply.failing(new ModelException(ModelException.Kind.SERVER, "fake outage"));
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  // 23:30 UTC on 1 March is 00:30 on 2 March in Berlin: the note's date and time follow the user's
  // zone
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T23:30:00Z"), BERLIN);
  private static final String SESSION = "0123456789abcdef-rest";
  private static final List<ChatMessage> TURNS =
      List.of(
          ChatMessage.user("My name is Ada.\nI live in Berlin."),
          ChatMessage.assistant("Nice to meet you, Ada."),
          ChatMessage.user("  I prefer tea over coffee  "));

  @TempDir Path workspace;

  private Path note() {
    return workspace.resolve("memory/2026-03-02.md");
  }

  @Test
  void appendsTheModelsBulletsUnderATimedHeadingAndCreatesTheNote() throws Exception {
    ScriptedChatModel model =
        ScriptedChatModel.answeringText(
            r -> "Here you go:\n- Name: Ada\n* Lives in Berlin\nnot a bullet");
    MemoryCheckpoint checkpoint = new MemoryCheckpoint(workspace, model, CLOCK, BERLIN);

    MemoryCheckpoint.Checkpoint written = checkpoint.write(SESSION, TURNS).orElseThrow();

    assertThat(written.path()).isEqualTo("memory/2026-03-02.md");
    assertThat(written.fromModel()).isTrue();
    assertThat(Files.readString(note()))
        .isEqualTo("## Checkpoint 00:30 (session 01234567)\n\n- Name: Ada\n- Lives in Berlin\n");
    assertThat(model.requests().getFirst().messages().getFirst().text())
        .contains("User: My name is Ada.");
  }

  @Test
  void existingNoteContentIsKeptByteForByte() throws Exception {
    Files.createDirectories(note().getParent());
    byte[] before =
        "# 2026-03-02\n\n- wrote tests\n\n## Checkpoint 00:10 (session x)\n\n- old fact\n"
            .getBytes(StandardCharsets.UTF_8);
    Files.write(note(), before);

    new MemoryCheckpoint(
            workspace, ScriptedChatModel.answeringText(r -> "- new fact"), CLOCK, BERLIN)
        .write(SESSION, TURNS);
    new MemoryCheckpoint(
            workspace, ScriptedChatModel.answeringText(r -> "- newer fact"), CLOCK, BERLIN)
        .write(SESSION, TURNS);

    byte[] after = Files.readAllBytes(note());
    assertThat(Arrays.copyOf(after, before.length)).isEqualTo(before);
    assertThat(
            new String(after, before.length, after.length - before.length, StandardCharsets.UTF_8))
        .isEqualTo(
            "\n## Checkpoint 00:30 (session 01234567)\n\n- new fact\n"
                + "\n## Checkpoint 00:30 (session 01234567)\n\n- newer fact\n");
  }

  @Test
  void aNoteWithoutFinalNewlineGetsABlankLineBeforeTheSection() throws Exception {
    Files.createDirectories(note().getParent());
    Files.writeString(note(), "typed by hand");

    new MemoryCheckpoint(workspace, ScriptedChatModel.answeringText(r -> "- fact"), CLOCK, BERLIN)
        .write(SESSION, TURNS);

    assertThat(Files.readString(note())).startsWith("typed by hand\n\n## Checkpoint 00:30");
  }

  @Test
  void whenTheModelFailsTheUserMessagesFirstLinesAreKept() throws Exception {
    MemoryCheckpoint checkpoint =
        new MemoryCheckpoint(workspace, ScriptedChatModel.answering(r -> OUTAGE), CLOCK, BERLIN);

    MemoryCheckpoint.Checkpoint written = checkpoint.write(SESSION, TURNS).orElseThrow();

    assertThat(written.fromModel()).isFalse();
    assertThat(Files.readString(note()))
        .endsWith("\n\n- My name is Ada.\n- I prefer tea over coffee\n");
  }

  @Test
  void inMemoryOnlyModeOrWhenTheModelListsNothingTheFallbackIsUsed() throws Exception {
    new MemoryCheckpoint(workspace, null, CLOCK, BERLIN).write(SESSION, TURNS);
    new MemoryCheckpoint(workspace, ScriptedChatModel.answeringText(r -> "NO_REPLY"), CLOCK, BERLIN)
        .write(SESSION, TURNS);

    assertThat(Files.readString(note()).split("- My name is Ada\\.", -1)).hasSize(3);
  }

  @Test
  void noTurnsWriteNothing() {
    assertThat(new MemoryCheckpoint(workspace, null, CLOCK, BERLIN).write(SESSION, List.of()))
        .isEmpty();
    assertThat(note()).doesNotExist();
  }

  @Test
  void aMemoryFolderThatLinksOutOfTheWorkspaceIsRefused(@TempDir Path outside) throws Exception {
    Files.createSymbolicLink(workspace.resolve("memory"), outside);

    assertThatThrownBy(
            () -> new MemoryCheckpoint(workspace, null, CLOCK, BERLIN).write(SESSION, TURNS))
        .isInstanceOf(PathEscapeException.class);
    assertThat(outside).isEmptyDirectory();
  }
}
