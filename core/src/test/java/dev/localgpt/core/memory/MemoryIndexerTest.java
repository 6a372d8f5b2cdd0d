package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.Embedding;
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
    return index.keywordSearch(q, 20, SearchScope.all()).stream()
        .map(h -> h.chunk().path())
        .toList();
  }

  private void standardWorkspace() throws IOException {
    write("MEMORY.md", "# Memory\n\nUser likes capybara facts.\n");
    write("memory/2024-01-01.md", "# Day\n\nMet the axolotl breeder.\n");
    write("memory/deep/nested.md", "nested note about lemurs\n");
    write("notes/other.md", "other workspace markdown about tapirs\n");
    write(".hidden/secret.md", "hidden dir is skipped\n");
    write("knowledge/work/spec.md", "work silo spec about gizmos\n");
    write("knowledge/work/readme.txt", "plain text in a silo about widgets\n");
    write("knowledge/loose.md", "directly in knowledge about okapis\n");
    write("script.py", "print('not markdown')\n");
  }

  @Test
  void indexesWorkspaceMarkdownKnowledgeNotesAndSilos() throws IOException {
    standardWorkspace();
    IndexReport report = indexer().index(index, false, IndexListener.NONE);

    assertThat(sources())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "MEMORY.md", "memory",
                "memory/2024-01-01.md", "memory",
                "memory/deep/nested.md", "memory",
                "notes/other.md", "memory",
                "knowledge/work/spec.md", "work",
                "knowledge/work/readme.txt", "work",
                "knowledge/loose.md", "memory"));
    assertThat(report.filesScanned()).isEqualTo(7);
    assertThat(report.filesIndexed()).isEqualTo(7);
    assertThat(report.chunks()).isEqualTo(7);
    assertThat(report.embedded()).isEqualTo(7);
    assertThat(index.stats().embeddedChunks()).isEqualTo(7);
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
    assertThat(second.filesUnchanged()).isEqualTo(7);
    assertThat(second.filesIndexed()).isZero();
    assertThat(second.embedded()).isZero();
    assertThat(embedder.calls()).isEqualTo(calls);
  }

  @Test
  void changedFileIsRechunkedAndOnlyNewChunkTextsAreEmbedded() throws IOException {
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      big.append("## Part ")
          .append(i)
          .append("\n\nparagraph ")
          .append(i)
          .append(" ")
          .append("text ".repeat(60))
          .append("\n\n");
    }
    write("memory/big.md", big.toString());
    IndexReport first = indexer().index(index, false, IndexListener.NONE);
    Files.writeString(ws.resolve("memory/big.md"), big + "## Added\n\nfresh okapi paragraph\n");
    Files.setLastModifiedTime(
        ws.resolve("memory/big.md"), FileTime.fromMillis(System.currentTimeMillis() + 5000));

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
    assertThat(report.filesUnchanged()).isEqualTo(7);
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
    assertThat(sources())
        .doesNotContainKeys("notes/other.md", "memory/deep/nested.md")
        .containsKey("memory/renamed.md");
    assertThat(keyword("lemurs")).containsExactly("memory/renamed.md");
    assertThat(keyword("tapirs")).isEmpty();
  }

  @Test
  void binaryAndNonUtf8FilesAreSkippedWithAWarning() throws IOException {
    write("memory/good.md", "fine text about quolls\n");
    Files.write(ws.resolve("memory/binary.md"), new byte[] {'a', 0, 1, 2, 'b'});
    Files.write(
        ws.resolve("memory/latin1.md"),
        "caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1));
    List<String> heard = new ArrayList<>();
    IndexListener listener =
        new IndexListener() {
          @Override
          public void onProgress(IndexProgress progress) {}

          @Override
          public void onWarning(String warning) {
            heard.add(warning);
          }
        };

    IndexReport report = indexer().index(index, false, listener);
    assertThat(report.filesSkipped()).isEqualTo(2);
    assertThat(report.warnings())
        .hasSize(2)
        .anySatisfy(w -> assertThat(w).contains("memory/binary.md", "binary"))
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
    MemoryIndexer withExtra =
        new MemoryIndexer(
            new IndexRoots(ws, List.of(new IndexRoots.ExtraRoot(extra, "**/*.md", "docs"))),
            new MarkdownChunker(),
            Optional.empty(),
            32);

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
    assertThat(forced.filesIndexed()).isEqualTo(7);
    assertThat(forced.embedded()).isZero();
    assertThat(forced.cached()).isEqualTo(7);
  }

  @Test
  void switchingTheEmbeddingModelReembedsEverything() throws IOException {
    standardWorkspace();
    indexer().index(index, false, IndexListener.NONE);
    HashingEmbedder other = new HashingEmbedder("other-model", 32);
    IndexReport report = indexer(Optional.of(other), 32).index(index, false, IndexListener.NONE);
    assertThat(report.filesIndexed()).isEqualTo(7);
    assertThat(report.embedded()).isEqualTo(7);
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
    assertThatThrownBy(
            () -> indexer(Optional.of(embedder), 4).index(crashing, false, IndexListener.NONE))
        .isInstanceOf(IndexException.class);
    assertThat(index.files())
        .allSatisfy(
            f ->
                assertThat(f.hash())
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
  void progressReachesTheTotalInBothPhases() throws IOException {
    standardWorkspace();
    List<IndexProgress> seen = new ArrayList<>();
    indexer(Optional.of(embedder), 2).index(index, false, seen::add);
    List<IndexProgress> files =
        seen.stream().filter(p -> p.phase() == IndexProgress.Phase.KEYWORDS).toList();
    List<IndexProgress> vectors =
        seen.stream().filter(p -> p.phase() == IndexProgress.Phase.VECTORS).toList();
    assertThat(files)
        .hasSize(7)
        .last()
        .satisfies(
            p -> {
              assertThat(p.filesDone()).isEqualTo(p.filesTotal()).isEqualTo(7);
              assertThat(p.chunks()).isEqualTo(7);
            });
    assertThat(vectors).as("one report per embedded batch of 2").hasSize(4);
    assertThat(vectors).extracting(IndexProgress::vectorsDone).containsExactly(2, 4, 6, 7);
    assertThat(vectors).allSatisfy(p -> assertThat(p.vectorsTotal()).isEqualTo(7));
    assertThat(vectors.get(3).eta()).contains(java.time.Duration.ZERO);
  }

  @Test
  void keywordRowsOfEveryFileAreWrittenBeforeAnythingIsEmbedded() throws IOException {
    standardWorkspace();
    List<List<String>> seenAtFirstEmbed = new ArrayList<>();
    Embedder watching =
        new Embedder() {
          @Override
          public String modelId() {
            return embedder.modelId();
          }

          @Override
          public int dimension() {
            return embedder.dimension();
          }

          @Override
          public List<Embedding> embed(List<String> texts) {
            if (seenAtFirstEmbed.isEmpty()) {
              seenAtFirstEmbed.add(
                  List.of(
                      String.join(",", keyword("capybara")), String.join(",", keyword("okapis"))));
            }
            return embedder.embed(texts);
          }
        };
    new MemoryIndexer(IndexRoots.of(ws), new MarkdownChunker(), Optional.of(watching), 1)
        .index(index, false, IndexListener.NONE);
    assertThat(seenAtFirstEmbed).containsExactly(List.of("MEMORY.md", "knowledge/loose.md"));
  }

  @Test
  void anExhaustedEmbeddingBudgetLeavesSearchableChunksThatTheNextRunEmbeds() throws IOException {
    for (int i = 0; i < 20; i++) {
      write("memory/n" + i + ".md", "note " + i + " about bilby" + i + "\n");
    }
    IndexReport first =
        indexer(Optional.of(embedder), 4)
            .index(index, false, java.time.Duration.ZERO, IndexListener.NONE);
    assertThat(first.filesIndexed()).isEqualTo(20);
    assertThat(first.embedded()).isEqualTo(4);
    assertThat(first.pendingVectors()).isEqualTo(16);
    assertThat(keyword("bilby19")).containsExactly("memory/n19.md");

    IndexReport next = indexer(Optional.of(embedder), 4).index(index, false, IndexListener.NONE);
    assertThat(next.filesUnchanged()).isEqualTo(20);
    assertThat(next.embedded()).isEqualTo(16);
    assertThat(next.pendingVectors()).isZero();
    assertThat(index.stats().embeddedChunks()).isEqualTo(20);
    assertThat(embedder.textsEmbedded()).isEqualTo(20);
  }

  @Test
  void unchangedFilesAreSkippedWithoutBeingRead() throws IOException {
    for (int i = 0; i < 50; i++) {
      write("memory/d" + (i % 5) + "/f" + i + ".md", "note " + (char) ('a' + i % 26) + "-quokka\n");
    }
    indexer(Optional.empty(), 32).index(index, false, IndexListener.NONE);
    Path f = ws.resolve("memory/d0/f0.md");
    FileTime time = Files.getLastModifiedTime(f);
    Files.writeString(f, "note a-wombat\n");
    Files.setLastModifiedTime(f, time);

    IndexReport report = indexer(Optional.empty(), 32).index(index, false, IndexListener.NONE);
    assertThat(report.filesUnchanged()).isEqualTo(50);
    assertThat(keyword("wombat")).as("same size and time: the file is not read again").isEmpty();
  }

  @Test
  void keywordSearchFindsChunksOfIndexedFiles() throws IOException {
    standardWorkspace();
    indexer().index(index, false, IndexListener.NONE);
    List<ScoredChunk> hits = index.keywordSearch("gizmos", 5, SearchScope.only("work"));
    assertThat(hits).extracting(h -> h.chunk().path()).containsExactly("knowledge/work/spec.md");
  }
}
