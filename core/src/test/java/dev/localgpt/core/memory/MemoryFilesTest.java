package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.memory.InMemoryMemoryIndex;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.SearchScope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryFilesTest {
  @TempDir Path ws;

  private void write(String rel, String content) throws IOException {
    Path p = ws.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  @Test
  void notesDirectlyInKnowledgeAndDeepInASiloAreIndexedFoundAndCounted() throws IOException {
    write("MEMORY.md", "# Memory\n");
    write("memory/2026-01-02.md", "a day\n");
    write("knowledge/top.md", "top level okapi\n");
    write("knowledge/a/b/deep.md", "deep pangolin\n");
    write(".hidden/x.md", "never\n");
    InMemoryMemoryIndex index = new InMemoryMemoryIndex();
    IndexRoots roots = IndexRoots.of(ws);

    IndexReport report =
        new MemoryIndexer(roots, new MarkdownChunker(), Optional.empty(), 32)
            .index(index, false, IndexListener.NONE);
    MemoryFiles.Census census = MemoryFiles.census(roots);

    assertThat(index.files())
        .extracting(IndexedFile::path)
        .contains("knowledge/top.md", "knowledge/a/b/deep.md")
        .doesNotContain(".hidden/x.md");
    assertThat(hits(index, "okapi")).containsExactly("knowledge/top.md");
    assertThat(hits(index, "pangolin")).containsExactly("knowledge/a/b/deep.md");
    assertThat(census.notes())
        .isEqualTo(report.filesScanned())
        .isEqualTo(index.stats().files())
        .isEqualTo(4);
    assertThat(census.dailyNotes()).isEqualTo(1);
  }

  @Test
  void extraRootFilesCountOnceWithTheirPattern(@TempDir Path extra) throws IOException {
    Files.writeString(extra.resolve("top.md"), "x\n");
    Files.createDirectories(extra.resolve("sub"));
    Files.writeString(extra.resolve("sub/deep.md"), "y\n");
    Files.writeString(extra.resolve("sub/skip.txt"), "z\n");
    IndexRoots roots =
        new IndexRoots(ws, List.of(new IndexRoots.ExtraRoot(extra, "**/*.md", "docs")));
    assertThat(MemoryFiles.census(roots).notes()).isEqualTo(2);
  }

  private static List<String> hits(InMemoryMemoryIndex index, String q) {
    return index.keywordSearch(q, 10, SearchScope.all()).stream()
        .map(h -> h.chunk().path())
        .toList();
  }
}
