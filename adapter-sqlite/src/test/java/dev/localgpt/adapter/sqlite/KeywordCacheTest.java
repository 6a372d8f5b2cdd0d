package dev.localgpt.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the in-memory keyword index answers, and how it and the Java k-NN follow other writers. */
class KeywordCacheTest {
  private static final int DIM = 8;

  @TempDir Path dir;

  @Test
  void aSingleKeywordSearchNeverBuildsTheIndexTheSecondBuildsItInTheBackground()
      throws InterruptedException {
    try (SqliteMemoryIndex index = open()) {
      index.replaceFile(
          Fixtures.file("a.md"), List.of(Fixtures.chunk(1, "kayak trip on the lake")));
      assertThat(index.keywordSearch("kayak", 5, SearchScope.all())).hasSize(1);
      assertThat(index.keywordPath()).isEqualTo("fts5 [not built]");
      assertThat(index.keywordSearch("kayak", 5, SearchScope.all())).hasSize(1);
      awaitJava(index);
      List<ScoredChunk> hits = index.keywordSearch("kayak lake", 5, SearchScope.all());
      assertThat(hits).extracting(h -> h.chunk().path()).containsExactly("a.md");
      index.useJavaKeywords(false);
      assertThat(index.keywordPath()).startsWith("fts5");
    }
  }

  @Test
  void anotherProcesssWritesReachTheKeywordIndexAndTheJavaKnn() throws InterruptedException {
    Embedding alpha = Fixtures.axis(DIM, 0, 1, 0.1f);
    Embedding zebra = Fixtures.axis(DIM, 5, 6, 0.1f);
    try (SqliteMemoryIndex daemon = open();
        SqliteMemoryIndex cli = open()) {
      daemon.replaceFile(
          Fixtures.file("a.md"), List.of(Fixtures.chunk(1, "alpha kayak notes", alpha)));
      daemon.buildKeywordIndex();
      assertThat(daemon.vectorSearch(alpha, 1, SearchScope.all())).hasSize(1); // loads the matrix
      assertThat(daemon.keywordPath()).startsWith("java");

      cli.replaceFile(
          Fixtures.file("b.md"), List.of(Fixtures.chunk(1, "zebra kayak notes", zebra)));

      assertThat(daemon.keywordSearch("zebra", 5, SearchScope.all()))
          .extracting(h -> h.chunk().path())
          .containsExactly("b.md");
      assertThat(daemon.vectorSearch(zebra, 1, SearchScope.all()))
          .extracting(h -> h.chunk().path())
          .containsExactly("b.md");
      awaitJava(daemon);
      assertThat(daemon.keywordSearch("kayak", 5, SearchScope.all()))
          .extracting(h -> h.chunk().path())
          .containsExactlyInAnyOrder("a.md", "b.md");

      cli.deleteFile("a.md");
      assertThat(daemon.keywordSearch("alpha", 5, SearchScope.all())).isEmpty();
      assertThat(daemon.vectorSearch(alpha, 2, SearchScope.all()))
          .extracting(h -> h.chunk().path())
          .containsExactly("b.md");
    }
  }

  @Test
  void anotherProcesssWritesReachTheLoadedJavaKnn() {
    Embedding alpha = Fixtures.axis(DIM, 0, 1, 0.1f);
    Embedding zebra = Fixtures.axis(DIM, 5, 6, 0.1f);
    try (SqliteMemoryIndex daemon = open();
        SqliteMemoryIndex cli = open()) {
      daemon.replaceFile(Fixtures.file("a.md"), List.of(Fixtures.chunk(1, "alpha", alpha)));
      assertThat(daemon.vectorSearch(alpha, 1, SearchScope.all())).hasSize(1); // loads the matrix
      cli.replaceFile(Fixtures.file("b.md"), List.of(Fixtures.chunk(1, "zebra", zebra)));
      assertThat(daemon.vectorSearch(zebra, 1, SearchScope.all()))
          .extracting(h -> h.chunk().path())
          .containsExactly("b.md");
    }
  }

  @Test
  void writesMadeWhileTheIndexBuildsAreNotLost() {
    try (SqliteMemoryIndex index = open()) {
      index.replaceFile(Fixtures.file("a.md"), List.of(Fixtures.chunk(1, "alpha kayak")));
      index.replaceFile(Fixtures.file("b.md"), List.of(Fixtures.chunk(1, "beta kayak")));
      index.afterKeywordSnapshot(
          () -> {
            index.replaceFile(Fixtures.file("c.md"), List.of(Fixtures.chunk(1, "gamma kayak")));
            index.replaceFile(Fixtures.file("a.md"), List.of(Fixtures.chunk(1, "delta kayak")));
            index.deleteFile("b.md");
          });
      assertThat(index.buildKeywordIndex()).startsWith("java");
      assertThat(index.keywordSearch("kayak", 5, SearchScope.all()))
          .extracting(h -> h.chunk().path())
          .containsExactlyInAnyOrder("a.md", "c.md");
      assertThat(index.keywordSearch("alpha", 5, SearchScope.all())).isEmpty();
      assertThat(index.keywordSearch("beta", 5, SearchScope.all())).isEmpty();
      assertThat(index.keywordSearch("delta gamma", 5, SearchScope.all())).hasSize(2);
      for (String q : List.of("kayak", "delta", "gamma kayak")) {
        assertThat(index.keywordSearch(q, 5, SearchScope.all()))
            .isEqualTo(index.ftsKeywordSearch(q, 5, SearchScope.all()));
      }
    }
  }

  @Test
  void whenTheHeapLooksShortTheIndexIsNotBuiltAndFts5Answers() {
    try (SqliteMemoryIndex index = open()) {
      index.replaceFile(
          Fixtures.file("a.md"), List.of(Fixtures.chunk(1, "kayak trip on the lake")));
      index.assumeFreeHeapForKeywords(100);
      assertThat(index.buildKeywordIndex()).startsWith("fts5 [not built: needs ~");
      for (int i = 0; i < 5; i++) {
        assertThat(index.keywordSearch("kayak", 5, SearchScope.all()))
            .extracting(h -> h.chunk().path())
            .containsExactly("a.md");
      }
      assertThat(index.keywordPath()).startsWith("fts5 [not built");
    }
  }

  private SqliteMemoryIndex open() {
    return SqliteMemoryIndex.open(dir.resolve("memory.sqlite"), SqliteOptions.javaKnn());
  }

  /** Waits (up to a minute; no timing is asserted) until the Java index answers. */
  private static void awaitJava(SqliteMemoryIndex index) throws InterruptedException {
    for (int i = 0; i < 600 && !index.keywordPath().startsWith("java"); i++) {
      index.keywordSearch("kayak", 1, SearchScope.all());
      Thread.sleep(100);
    }
    assertThat(index.keywordPath()).startsWith("java");
  }
}
