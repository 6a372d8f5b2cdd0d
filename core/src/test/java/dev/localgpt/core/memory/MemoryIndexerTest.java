package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.ports.embedding.HashingEmbedder;
import dev.localgpt.ports.memory.InMemoryMemoryIndex;
import dev.localgpt.ports.memory.IndexException;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryIndexerTest {
  @TempDir Path ws;
  private final InMemoryMemoryIndex index = new InMemoryMemoryIndex();
  private final HashingEmbedder embedder = new HashingEmbedder();

  private MemoryIndexer indexer(Optional<HashingEmbedder> e, int batch) {
    return new MemoryIndexer(IndexRoots.of(ws), new MarkdownChunker(), e.map(x -> x), batch);
  }

  private MemoryIndexer indexer() {
    return indexer(Optional.of(embedder), 32);
  }

  private Path write(String rel, String content) throws IOException {
    Path p = ws.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  private Map<String, String> sources() {
    return index.files().stream().collect(Collectors.toMap(IndexedFile::path, IndexedFile::source));
  }

  private List<String> keyword(String q) {
    return index.keywordSearch(q, 20, SearchScope.all()).stream().map(h -> h.chunk().path()).toList();
  }

  private void standardWorkspace() throws IOException {
    write("MEMORY.md", "# Memory\n\nUser likes capybara facts.\n");
    write("memory/2024-01-01.md", "# Day\n\nMet the axolotl breeder.\n");
    write("memory/deep/nested.md", "nested note about lemurs\n");
    write("notes/other.md", "other workspace markdown about tapirs\n");
    write(".hidden/secret.md", "hidden dir is skipped\n");
    write("knowledge/work/spec.md", "work silo spec about gizmos\n");
    write("knowledge/work/readme.txt", "plain text in a silo about widgets\n");
    write("knowledge/loose.md", "not inside a silo\n");
    write("script.py", "print('not markdown')\n");
  }

  @Test
  void indexesWorkspaceMarkdownAndKnowledgeSilos() throws IOException {
    standardWorkspace();
    IndexReport report = indexer().index(index, false, IndexListener.NONE);

    assertThat(sources()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "MEMORY.md", "memory",
        "memory/2024-01-01.md", "memory",
        "memory/deep/nested.md", "memory",
        "notes/other.md", "memory",
        "knowledge/work/spec.md", "work",
        "knowledge/work/readme.txt", "work"));
    assertThat(report.filesScanned()).isEqualTo(6);
    assertThat(report.filesIndexed()).isEqualTo(6);
    assertThat(report.chunks()).isEqualTo(6);
    assertThat(report.embedded()).isEqualTo(6);
    assertThat(index.stats().embeddedChunks()).isEqualTo(6);
    IndexedFile memory = index.file("MEMORY.md").orElseThrow();
    assertThat(memory.hash()).isEqualTo(Hashes.sha256(Files.readAllBytes(ws.resolve("MEMORY.md"))));
    assertThat(memory.size()).isEqualTo(Files.size(ws.resolve("MEMORY.md")));
  }

  @Test
  void unchangedFilesAreSkippedAndNothingIsEmbeddedAgain() throws IOException {
    standardWorkspace();
    indexer().index(index, false, IndexListener.NONE);
    int calls = embedder.calls();

    IndexReport second = indexer().index(index, false, IndexListener.NONE);
    assertThat(second.filesUnchanged()).isEqualTo(6);
    assertThat(second.filesIndexed()).isZero();
    assertThat(second.embedded()).isZero();
    assertThat(embedder.calls()).isEqualTo(calls);
  }

  @Test
  void changedFileIsRechunkedAndOnlyNewChunkTextsAreEmbedded() throws IOException {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      big.append("## Part ").append(i).append("\n\nparagraph ").append(i).append(" ").append("text ".repeat(60)).append("\n\n");
    }
    write("memory/big.md", big.toString());
    IndexReport first = indexer().index(index, false, IndexListener.NONE);
    Files.writeString(ws.resolve("memory/big.md"), big + "## Added\n\nfresh okapi paragraph\n");
    Files.setLastModifiedTime(ws.resolve("memory/big.md"), FileTime.fromMillis(System.currentTimeMillis() + 5000));

    IndexReport second = indexer().index(index, false, IndexListener.NONE);
    assertThat(first.chunks()).isGreaterThanOrEqualTo(10);
    assertThat(second.filesIndexed()).isEqualTo(1);
    assertThat(second.embedded()).isBetween(1, 2);
    assertThat(second.cached()).isGreaterThanOrEqualTo(first.chunks() - 2);
    assertThat(keyword("okapi")).containsExactly("memory/big.md");
  }

  @Test
  void touchedFileWithSameContentIsNotReembeddedAndItsTimeIsRefreshed() throws IOException {
    standardWorkspace();
    indexer().index(index, false, IndexListener.NONE);
    int texts = embedder.textsEmbedded();
    FileTime later = FileTime.fromMillis(System.currentTimeMillis() + 60_000);
    Files.setLastModifiedTime(ws.resolve("MEMORY.md"), later);

    IndexReport report = indexer().index(index, false, IndexListener.NONE);
    assertThat(report.filesUnchanged()).isEqualTo(6);
    assertThat(report.filesIndexed()).isZero();
    assertThat(embedder.textsEmbedded()).isEqualTo(texts);
    assertThat(index.file("MEMORY.md").orElseThrow().modifiedMillis()).isEqualTo(later.toMillis());
  }

  @Test
  void deletedAndRenamedFilesAreReflected() throws IOException {
    standardWorkspace();
    indexer().index(index, false, IndexListener.NONE);
    Files.delete(ws.resolve("notes/other.md"));
    Files.move(ws.resolve("memory/deep/nested.md"), ws.resolve("memory/renamed.md"));

    IndexReport report = indexer().index(index, false, IndexListener.NONE);
    assertThat(report.filesDeleted()).isEqualTo(2);
    assertThat(sources()).doesNotContainKeys("notes/other.md", "memory/deep/nested.md").containsKey("memory/renamed.md");
    assertThat(keyword("lemurs")).containsExactly("memory/renamed.md");
    assertThat(keyword("tapirs")).isEmpty();
  }

  @Test
  void binaryAndNonUtf8FilesAreSkippedWithAWarning() throws IOException {
    write("memory/good.md", "fine text about quolls\n");
    Files.write(ws.resolve("memory/binary.md"), new byte[] {'a', 0, 1, 2, 'b'});
    Files.write(ws.resolve("memory/latin1.md"), "caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1));
    List<String> heard = new ArrayList<>();
    IndexListener listener = new IndexListener() {
      @Override
      public void onProgress(IndexProgress progress) {}

      @Override
      public void onWarning(String warning) {
        heard.add(warning);
      }
    };

    IndexReport report = indexer().index(index, false, listener);
    assertThat(report.filesSkipped()).isEqualTo(2);
    assertThat(report.warnings()).hasSize(2).anySatisfy(w -> assertThat(w).contains("memory/binary.md", "binary"))
        .anySatisfy(w -> assertThat(w).contains("memory/latin1.md", "UTF-8"));
    assertThat(heard).isEqualTo(report.warnings());
    assertThat(sources()).containsOnlyKeys("memory/good.md");
  }

  @Test
  void fileThatBecomesBinaryLosesItsStaleChunks() throws IOException {
    write("memory/a.md", "about numbats\n");
    indexer().index(index, false, IndexListener.NONE);
    Files.write(ws.resolve("memory/a.md"), new byte[] {0, 0, 0, 1});
    indexer().index(index, false, IndexListener.NONE);
    assertThat(keyword("numbats")).isEmpty();
  }

  @Test
  void extraRootsAreIndexedUnderTheirLabel(@TempDir Path extra) throws IOException {
    Files.writeString(extra.resolve("top.md"), "top level dingo\n");
    Files.createDirectories(extra.resolve("sub"));
    Files.writeString(extra.resolve("sub/deep.md"), "deep dingo\n");
    Files.writeString(extra.resolve("sub/skip.txt"), "no dingo\n");
    MemoryIndexer withExtra = new MemoryIndexer(
        new IndexRoots(ws, List.of(new IndexRoots.ExtraRoot(extra, "**/*.md", "docs"))),
        new MarkdownChunker(), Optional.empty(), 32);

    withExtra.index(index, false, IndexListener.NONE);
    assertThat(sources()).containsOnlyKeys("docs/top.md", "docs/sub/deep.md");
    assertThat(sources().values()).containsOnly("memory");
  }

  @Test
  void embedsInFullBatchesAcrossFiles() throws IOException {
    for (int i = 0; i < 100; i++) {
      write("memory/f" + i + ".md", "note " + i + " about item" + i + "\n");
    }
    IndexReport report = indexer(Optional.of(embedder), 16).index(index, false, IndexListener.NONE);
    List<Integer> sizes = embedder.batchSizes();
    assertThat(report.embedded()).isEqualTo(100);
    assertThat(sizes).hasSize(7);
    assertThat(sizes.subList(0, 6)).containsOnly(16);
    assertThat(sizes.get(6)).isEqualTo(4);
    assertThat(index.stats().embeddedChunks()).isEqualTo(100);
  }

  @Test
  void forceReindexesEverythingButTakesVectorsFromTheCache() throws IOException {
    standardWorkspace();
    indexer().index(index, false, IndexListener.NONE);
    IndexReport forced = indexer().index(index, true, IndexListener.NONE);
    assertThat(forced.filesIndexed()).isEqualTo(6);
    assertThat(forced.embedded()).isZero();
    assertThat(forced.cached()).isEqualTo(6);
  }

  @Test
  void switchingTheEmbeddingModelReembedsEverything() throws IOException {
    standardWorkspace();
    indexer().index(index, false, IndexListener.NONE);
    HashingEmbedder other = new HashingEmbedder("other-model", 32);
    IndexReport report = indexer(Optional.of(other), 32).index(index, false, IndexListener.NONE);
    assertThat(report.filesIndexed()).isEqualTo(6);
    assertThat(report.embedded()).isEqualTo(6);
    assertThat(index.embeddingModel()).contains("other-model");
  }

  @Test
  void worksKeywordOnlyWithoutAnEmbedder() throws IOException {
    standardWorkspace();
    IndexReport report = indexer(Optional.empty(), 32).index(index, false, IndexListener.NONE);
    assertThat(report.embedded()).isZero();
    assertThat(index.stats().embeddedChunks()).isZero();
    assertThat(keyword("capybara")).containsExactly("MEMORY.md");
  }

  @Test
  void crashMidIndexingLeavesAConsistentIndexThatTheNextRunCompletes() throws IOException {
    for (int i = 0; i < 10; i++) {
      write("memory/n" + i + ".md", "note " + i + " unique" + i + "\n");
    }
    FaultyIndex crashing = new FaultyIndex(index, 4, IndexException.Kind.FAILED);
    assertThatThrownBy(() -> indexer(Optional.of(embedder), 4).index(crashing, false, IndexListener.NONE))
        .isInstanceOf(IndexException.class);
    assertThat(index.files()).allSatisfy(f -> assertThat(f.hash())
        .isEqualTo(Hashes.sha256(Files.readAllBytes(ws.resolve(f.path())))));

    IndexReport next = indexer(Optional.of(embedder), 4).index(index, false, IndexListener.NONE);
    assertThat(next.filesIndexed() + next.filesUnchanged()).isEqualTo(10);
    assertThat(index.files()).hasSize(10);
    assertThat(index.stats().chunks()).isEqualTo(10);
    assertThat(index.stats().embeddedChunks()).isEqualTo(10);
    for (int i = 0; i < 10; i++) {
      assertThat(keyword("unique" + i)).containsExactly("memory/n" + i + ".md");
    }
  }

  @Test
  void progressReachesTheTotal() throws IOException {
    standardWorkspace();
    List<IndexProgress> seen = new ArrayList<>();
    indexer().index(index, false, seen::add);
    assertThat(seen).isNotEmpty();
    IndexProgress last = seen.get(seen.size() - 1);
    assertThat(last.filesDone()).isEqualTo(last.filesTotal()).isEqualTo(6);
    assertThat(last.chunks()).isEqualTo(6);
  }

  @Test
  void twentyMegabyteFileIsIndexed() throws IOException {
    StringBuilder sb = new StringBuilder(21_000_000);
    int i = 0;
    while (sb.length() < 20_000_000) {
      sb.append("## Section ").append(i).append("\n\n").append(("word" + i + " ").repeat(200)).append("\n\n");
      i++;
    }
    sb.append("the rare marmoset line\n");
    write("memory/huge.md", sb.toString());
    long t0 = System.nanoTime();
    IndexReport report = indexer().index(index, false, IndexListener.NONE);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("20 MB file: %d chunks, %d embedded, %d ms%n", report.chunks(), report.embedded(), ms);
    assertThat(report.filesIndexed()).isEqualTo(1);
    assertThat(report.chunks()).isGreaterThan(10_000);
    assertThat(keyword("marmoset")).containsExactly("memory/huge.md");
  }

  @Test
  void fiveThousandUnchangedFilesAreCheckedWithinASecond() throws IOException {
    for (int i = 0; i < 5000; i++) {
      write("memory/d" + (i % 50) + "/f" + i + ".md", "note " + i + "\n");
    }
    indexer(Optional.empty(), 32).index(index, false, IndexListener.NONE);
    long best = Long.MAX_VALUE;
    IndexReport report = null;
    for (int round = 0; round < 3; round++) {
      long t0 = System.nanoTime();
      report = indexer(Optional.empty(), 32).index(index, false, IndexListener.NONE);
      best = Math.min(best, (System.nanoTime() - t0) / 1_000_000);
    }
    System.out.printf("5000 unchanged files: %d ms%n", best);
    assertThat(report.filesUnchanged()).isEqualTo(5000);
    assertThat(best).isLessThan(1000);
  }

  @Test
  void keywordSearchFindsChunksOfIndexedFiles() throws IOException {
    standardWorkspace();
    indexer().index(index, false, IndexListener.NONE);
    List<ScoredChunk> hits = index.keywordSearch("gizmos", 5, SearchScope.only("work"));
    assertThat(hits).extracting(h -> h.chunk().path()).containsExactly("knowledge/work/spec.md");
  }
}
