package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.memory.IndexedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryFileStatsTest {
  @TempDir Path dir;

  private static IndexedFile file(String path, String source) {
    return new IndexedFile(path, source, "h", 0, 1);
  }

  @Test
  void linesAndChunksComeFromTheFileInItsRootSortedByPath() throws Exception {
    Path ws = Files.createDirectories(dir.resolve("ws"));
    Path notes = Files.createDirectories(dir.resolve("notes"));
    Files.writeString(ws.resolve("MEMORY.md"), "# Facts\n\nThe cat is Pixel.\n");
    Files.writeString(notes.resolve("a.md"), "one\ntwo\n");
    String longText = "# Long\n\n" + "word ".repeat(2000) + "\n";
    Files.writeString(ws.resolve("long.md"), longText);
    MarkdownChunker chunker = new MarkdownChunker(new ChunkerSettings(100, 20, 4));
    IndexRoots roots =
        new IndexRoots(ws, List.of(new IndexRoots.ExtraRoot(notes, "**/*.md", "notes")));

    List<MemoryFileStats.FileStat> stats =
        new MemoryFileStats(roots, chunker)
            .of(
                List.of(
                    file("long.md", "memory"),
                    file("notes/a.md", "memory"),
                    file("MEMORY.md", "memory")));

    assertThat(stats)
        .extracting(MemoryFileStats.FileStat::path)
        .containsExactly("MEMORY.md", "long.md", "notes/a.md");
    assertThat(stats.get(0)).isEqualTo(new MemoryFileStats.FileStat("MEMORY.md", "memory", 3, 1));
    assertThat(stats.get(1).chunks())
        .isEqualTo(chunker.chunk("long.md", longText).size())
        .isGreaterThan(1);
    assertThat(stats.get(2)).isEqualTo(new MemoryFileStats.FileStat("notes/a.md", "memory", 2, 1));
  }

  @Test
  void aFileGoneFromDiskOrOutsideItsRootCountsAsEmpty() throws Exception {
    Path ws = Files.createDirectories(dir.resolve("ws"));
    Files.writeString(dir.resolve("outside.md"), "secret\n");
    Files.createSymbolicLink(ws.resolve("link.md"), dir.resolve("outside.md"));
    MemoryFileStats stats = new MemoryFileStats(IndexRoots.of(ws), new MarkdownChunker());

    assertThat(stats.of(List.of(file("gone.md", "memory"), file("link.md", "memory"))))
        .extracting(MemoryFileStats.FileStat::lines, MemoryFileStats.FileStat::chunks)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(0L, 0));
  }
}
