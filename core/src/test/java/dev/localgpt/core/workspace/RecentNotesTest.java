package dev.localgpt.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentNotesTest {
  @TempDir Path dir;
  Path ws;
  RecentNotes notes;

  @BeforeEach
  void workspace() throws Exception {
    ws = dir.resolve("ws");
    Files.createDirectories(ws.resolve("memory"));
    notes = new RecentNotes(new Workspace(ws));
  }

  private void note(String name, String text, long millis) throws Exception {
    Path f = ws.resolve("memory").resolve(name);
    Files.writeString(f, text);
    Files.setLastModifiedTime(f, FileTime.fromMillis(millis));
  }

  @Test
  void newestFirstWithTheLastNonEmptyLine() throws Exception {
    note("2024-01-01.md", "# Day\n\nBought a kayak.\n\n  Paddled on the lake.  \n\n", 1_000_000L);
    note("2024-01-02.md", "# Day\n\nFixed the bike.\n", 2_000_000L);
    note("empty.md", "", 500_000L);
    note("todo.txt", "not a note", 3_000_000L);

    assertThat(notes.newest(10))
        .containsExactly(
            new RecentNotes.Note(
                "memory/2024-01-02.md", Instant.ofEpochMilli(2_000_000L), "Fixed the bike."),
            new RecentNotes.Note(
                "memory/2024-01-01.md", Instant.ofEpochMilli(1_000_000L), "Paddled on the lake."),
            new RecentNotes.Note("memory/empty.md", Instant.ofEpochMilli(500_000L), ""));
    assertThat(notes.newest(1))
        .extracting(RecentNotes.Note::path)
        .containsExactly("memory/2024-01-02.md");
    assertThat(notes.newest(0)).isEmpty();
  }

  @Test
  void noMemoryFolderMeansNoNotes() throws Exception {
    Files.delete(ws.resolve("memory"));
    assertThat(notes.newest(5)).isEmpty();
  }

  @Test
  void aNoteLinkedFromOutsideTheWorkspaceIsLeftOut() throws Exception {
    Path outside = dir.resolve("secret.md");
    Files.writeString(outside, "the password is hunter2\n");
    Files.createSymbolicLink(ws.resolve("memory/leak.md"), outside);
    note("2024-01-02.md", "Fixed the bike.\n", 2_000_000L);

    assertThat(notes.newest(10))
        .extracting(RecentNotes.Note::path)
        .containsExactly("memory/2024-01-02.md");
  }
}
