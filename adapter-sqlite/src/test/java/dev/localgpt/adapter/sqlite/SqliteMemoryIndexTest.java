package dev.localgpt.adapter.sqlite;

import static dev.localgpt.adapter.sqlite.Fixtures.axis;
import static dev.localgpt.adapter.sqlite.Fixtures.chunk;
import static dev.localgpt.adapter.sqlite.Fixtures.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.IndexException;
import dev.localgpt.ports.memory.IndexStats;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqliteMemoryIndexTest {
  @TempDir Path dir;
  SqliteMemoryIndex index;

  @BeforeEach
  void open() {
    index = SqliteMemoryIndex.open(dir.resolve("data/memory.sqlite"), SqliteOptions.javaKnn());
  }

  @AfterEach
  void close() {
    index.close();
  }

  @Test
  void storesFilesAndFindsChunksByKeyword() {
    IndexedFile notes = file("memory/2024-01-02.md");
    index.replaceFile(
        notes, List.of(chunk(1, "The quick brown fox"), chunk(5, "jumps over the lazy dog")));

    assertThat(index.files()).containsExactly(notes);
    assertThat(index.file("memory/2024-01-02.md")).contains(notes);
    assertThat(index.file("nope.md")).isEmpty();
    List<ScoredChunk> hits = index.keywordSearch("lazy dog", 10, SearchScope.all());
    assertThat(hits).hasSize(1);
    assertThat(hits.getFirst().chunk())
        .satisfies(
            c -> {
              assertThat(c.path()).isEqualTo("memory/2024-01-02.md");
              assertThat(c.source()).isEqualTo("memory");
              assertThat(c.startLine()).isEqualTo(5);
              assertThat(c.endLine()).isEqualTo(7);
              assertThat(c.headingPath()).isEqualTo("Notes > 5");
              assertThat(c.text()).isEqualTo("jumps over the lazy dog");
            });
    assertThat(hits.getFirst().score()).isPositive();
  }

  @Test
  void keywordSearchRanksMoreMatchingChunksFirstWithNonNegativeScores() {
    index.replaceFile(
        file("a.md"),
        List.of(
            chunk(1, "sqlite sqlite sqlite index"),
            chunk(4, "an index of things"),
            chunk(8, "unrelated words")));
    index.replaceFile(file("b.md"), List.of(chunk(1, "more unrelated filler text about cats")));

    List<ScoredChunk> hits = index.keywordSearch("sqlite index", 10, SearchScope.all());

    assertThat(hits)
        .extracting(h -> h.chunk().text())
        .containsExactly("sqlite sqlite sqlite index", "an index of things");
    assertThat(hits).allSatisfy(h -> assertThat(h.score()).isGreaterThanOrEqualTo(0));
    assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
    assertThat(index.keywordSearch("sqlite index", 1, SearchScope.all())).hasSize(1);
  }

  @Test
  void keywordSearchStemsWithPorter() {
    index.replaceFile(file("a.md"), List.of(chunk(1, "She was running every morning")));

    assertThat(index.keywordSearch("runs", 5, SearchScope.all())).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"AND OR NEAR(",
        "*",
        "-",
        ":",
        "\"",
        "NOT",
        "a:b OR (c",
        "^foo*",
        "col:\"x\"",
        "'",
        "))(("
      })
  void keywordSearchNeverThrowsOnQuerySyntax(String text) {
    index.replaceFile(file("a.md"), List.of(chunk(1, "near and or not foo x b c")));

    assertThat(index.keywordSearch(text, 5, SearchScope.all())).isNotNull();
  }

  @Test
  void operatorWordsAreSearchedAsPlainWords() {
    index.replaceFile(
        file("a.md"), List.of(chunk(1, "we camped near the river"), chunk(4, "nothing here")));

    assertThat(index.keywordSearch("\"AND OR NEAR(", 5, SearchScope.all()))
        .extracting(h -> h.chunk().text())
        .containsExactly("we camped near the river");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n\t", "!!! ?? ..."})
  void blankOrTermlessTextFindsNothing(String text) {
    index.replaceFile(file("a.md"), List.of(chunk(1, "some text")));

    assertThat(index.keywordSearch(text, 5, SearchScope.all())).isEmpty();
  }

  @Test
  void keywordSearchMatchesUnicodeTerms() {
    index.replaceFile(
        file("a.md"), List.of(chunk(1, "Café crème à Zürich"), chunk(4, "plain english")));

    assertThat(index.keywordSearch("zürich", 5, SearchScope.all())).hasSize(1);
    assertThat(index.keywordSearch("CAFÉ!", 5, SearchScope.all())).hasSize(1);
  }

  @Test
  void replaceFileReplacesEveryOldChunk() {
    index.replaceFile(file("a.md"), List.of(chunk(1, "old alpha"), chunk(4, "old beta")));
    index.replaceFile(file("a.md"), List.of(chunk(1, "new gamma")));

    assertThat(index.keywordSearch("old alpha beta", 10, SearchScope.all())).isEmpty();
    assertThat(index.keywordSearch("gamma", 10, SearchScope.all())).hasSize(1);
    assertThat(index.stats().chunks()).isEqualTo(1);
    assertThat(index.files()).hasSize(1);
  }

  @Test
  void deleteFileRemovesFileAndChunksAndIgnoresUnknownPaths() {
    index.replaceFile(file("a.md"), List.of(chunk(1, "alpha")));
    index.replaceFile(file("b.md"), List.of(chunk(1, "alpha beta")));

    index.deleteFile("a.md");
    index.deleteFile("never-indexed.md");

    assertThat(index.files()).extracting(IndexedFile::path).containsExactly("b.md");
    assertThat(index.keywordSearch("alpha", 10, SearchScope.all()))
        .extracting(h -> h.chunk().path())
        .containsExactly("b.md");
  }

  @Test
  void scopesFilterKeywordSearchBySource() {
    index.replaceFile(file("MEMORY.md", "memory"), List.of(chunk(1, "shared topic")));
    index.replaceFile(file("knowledge/work/a.md", "work"), List.of(chunk(1, "shared topic")));
    index.replaceFile(file("knowledge/secret/a.md", "secret"), List.of(chunk(1, "shared topic")));

    assertThat(sources(index.keywordSearch("topic", 10, SearchScope.all())))
        .containsExactlyInAnyOrder("memory", "work", "secret");
    assertThat(sources(index.keywordSearch("topic", 10, SearchScope.only("work"))))
        .containsExactly("work");
    assertThat(sources(index.keywordSearch("topic", 10, SearchScope.allExcept(Set.of("secret")))))
        .containsExactlyInAnyOrder("memory", "work");
    assertThat(
            sources(
                index.keywordSearch(
                    "topic", 10, new SearchScope(Set.of("work", "secret"), Set.of("secret")))))
        .containsExactly("work");
  }

  @Test
  void vectorSearchReturnsNearestByCosineBestFirst() {
    index.useEmbeddingModel("test-model", 8);
    index.replaceFile(
        file("a.md"),
        List.of(
            chunk(1, "x axis", axis(8, 0, 1, 0.1f)),
            chunk(4, "y axis", axis(8, 1, 2, 0.1f)),
            chunk(7, "between", Embedding.normalized(new float[] {1, 1, 0, 0, 0, 0, 0, 0})),
            chunk(10, "no vector")));

    List<ScoredChunk> hits = index.vectorSearch(axis(8, 0, 1, 0f), 2, SearchScope.all());

    assertThat(hits).extracting(h -> h.chunk().text()).containsExactly("x axis", "between");
    assertThat(hits.get(0).score())
        .isCloseTo(
            1 / Math.sqrt(1.01), org.assertj.core.data.Offset.offset(JavaKnn.MAX_SCORE_ERROR));
    assertThat(hits.get(1).score())
        .isCloseTo(Math.sqrt(0.5), org.assertj.core.data.Offset.offset(JavaKnn.MAX_SCORE_ERROR));
    assertThat(index.vectorSearch(axis(8, 0, 1, 0f), 10, SearchScope.all())).hasSize(3);
  }

  @Test
  void vectorSearchOnAnIndexWithoutVectorsIsEmpty() {
    index.replaceFile(file("a.md"), List.of(chunk(1, "text only")));

    assertThat(index.vectorSearch(axis(4, 0, 1, 0f), 5, SearchScope.all())).isEmpty();
  }

  @Test
  void vectorSearchRejectsAQueryOfTheWrongDimension() {
    index.useEmbeddingModel("m", 8);
    index.replaceFile(file("a.md"), List.of(chunk(1, "x", axis(8, 0, 1, 0f))));

    assertThatThrownBy(() -> index.vectorSearch(axis(4, 0, 1, 0f), 5, SearchScope.all()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4 dimensions");
    assertThatThrownBy(
            () -> index.replaceFile(file("b.md"), List.of(chunk(1, "y", axis(4, 0, 1, 0f)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("useEmbeddingModel");
    assertThat(index.file("b.md")).isEmpty();
  }

  @Test
  void scopesFilterVectorSearch() {
    index.useEmbeddingModel("m", 4);
    index.replaceFile(file("MEMORY.md", "memory"), List.of(chunk(1, "m", axis(4, 0, 1, 0.2f))));
    index.replaceFile(file("knowledge/s/a.md", "s"), List.of(chunk(1, "s", axis(4, 0, 1, 0.1f))));

    assertThat(sources(index.vectorSearch(axis(4, 0, 1, 0f), 5, SearchScope.all())))
        .containsExactly("s", "memory");
    assertThat(
            sources(index.vectorSearch(axis(4, 0, 1, 0f), 5, SearchScope.allExcept(Set.of("s")))))
        .containsExactly("memory");
    assertThat(sources(index.vectorSearch(axis(4, 0, 1, 0f), 5, SearchScope.only("s"))))
        .containsExactly("s");
  }

  @Test
  void embeddingCacheIsKeyedByModelAndHash() {
    Embedding e1 = axis(4, 0, 1, 0.5f);
    Embedding e2 = axis(4, 2, 3, 0.5f);
    index.cacheEmbeddings("m1", Map.of("h1", e1, "h2", e2));
    index.cacheEmbeddings("m2", Map.of("h1", e2));

    assertThat(index.cachedEmbeddings("m1", List.of("h1", "h2", "h3")))
        .isEqualTo(Map.of("h1", e1, "h2", e2));
    assertThat(index.cachedEmbeddings("m2", List.of("h1", "h2"))).isEqualTo(Map.of("h1", e2));
    assertThat(index.cachedEmbeddings("m3", List.of("h1"))).isEmpty();
    assertThat(index.cachedEmbeddings("m1", List.of())).isEmpty();
  }

  @Test
  void switchingModelDropsFilesAndChunksButKeepsTheCache() {
    index.useEmbeddingModel("m1", 4);
    index.replaceFile(file("a.md"), List.of(chunk(1, "alpha", axis(4, 0, 1, 0f))));
    index.cacheEmbeddings("m1", Map.of("h", axis(4, 0, 1, 0f)));

    index.useEmbeddingModel("m1", 4);
    assertThat(index.files()).hasSize(1);

    index.useEmbeddingModel("m2", 6);
    assertThat(index.embeddingModel()).contains("m2");
    assertThat(index.files()).isEmpty();
    assertThat(index.keywordSearch("alpha", 5, SearchScope.all())).isEmpty();
    assertThat(index.vectorSearch(axis(6, 0, 1, 0f), 5, SearchScope.all())).isEmpty();
    assertThat(index.cachedEmbeddings("m1", List.of("h"))).containsKey("h");
    index.replaceFile(file("b.md"), List.of(chunk(1, "beta", axis(6, 5, 1, 0f))));
    assertThat(index.vectorSearch(axis(6, 5, 1, 0f), 5, SearchScope.all())).hasSize(1);
  }

  @Test
  void theChunkingVersionSurvivesReopening() {
    assertThat(index.chunkingVersion()).isEmpty();
    index.useChunkingVersion("markdown-2/tokens:m/254/50");
    index.close();

    index = SqliteMemoryIndex.open(dir.resolve("data/memory.sqlite"), SqliteOptions.javaKnn());

    assertThat(index.chunkingVersion()).contains("markdown-2/tokens:m/254/50");
  }

  @Test
  void statsCountFilesChunksAndVectors() {
    assertThat(index.stats())
        .isEqualTo(new IndexStats(0, 0, 0, index.stats().sizeBytes(), "", "java"));
    index.useEmbeddingModel("mini", 4);
    index.replaceFile(file("a.md"), List.of(chunk(1, "a", axis(4, 0, 1, 0f)), chunk(4, "b")));
    index.replaceFile(file("b.md"), List.of(chunk(1, "c", axis(4, 1, 2, 0f))));

    IndexStats stats = index.stats();

    assertThat(stats.files()).isEqualTo(2);
    assertThat(stats.chunks()).isEqualTo(3);
    assertThat(stats.embeddedChunks()).isEqualTo(2);
    assertThat(stats.embeddingModel()).isEqualTo("mini");
    assertThat(stats.vectorBackend()).isEqualTo("java");
    assertThat(stats.sizeBytes()).isPositive();
  }

  @Test
  void rejectsNonPositiveLimits() {
    assertThatThrownBy(() -> index.keywordSearch("x", 0, SearchScope.all()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'limit'");
  }

  @Test
  void closedIndexFailsClearly() {
    index.close();

    assertThatThrownBy(() -> index.files())
        .isInstanceOf(IndexException.class)
        .hasMessageContaining("closed");
  }

  private static List<String> sources(List<ScoredChunk> hits) {
    return hits.stream().map(h -> h.chunk().source()).toList();
  }
}
