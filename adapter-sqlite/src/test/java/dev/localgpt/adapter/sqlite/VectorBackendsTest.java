package dev.localgpt.adapter.sqlite;

import static dev.localgpt.adapter.sqlite.Fixtures.chunk;
import static dev.localgpt.adapter.sqlite.Fixtures.file;
import static dev.localgpt.adapter.sqlite.Fixtures.randomUnit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.NewChunk;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sqlite-vec and the Java k-NN must agree; skipped when the extension is not there (run
 * fetch-sqlite-vec.sh).
 */
class VectorBackendsTest {
  static final int DIM = 32;
  @TempDir Path dir;

  static Optional<Path> vec() {
    Optional<Path> vec = SqliteOptions.findSqliteVec();
    assumeThat(vec).as("sqlite-vec (adapter-sqlite/fetch-sqlite-vec.sh)").isPresent();
    return vec;
  }

  @Test
  void sqliteVecLoadsAndIsReportedAsBackend() {
    try (SqliteMemoryIndex index =
        SqliteMemoryIndex.open(
            dir.resolve("i.sqlite"), SqliteOptions.defaults().withSqliteVec(vec()))) {
      assertThat(index.stats().vectorBackend()).isEqualTo("sqlite-vec");
    }
  }

  @Test
  void bothBackendsReturnTheSameNeighboursOnRandomVectors() {
    Random random = new Random(42);
    try (SqliteMemoryIndex index =
        SqliteMemoryIndex.open(
            dir.resolve("i.sqlite"), SqliteOptions.defaults().withSqliteVec(vec()))) {
      index.useEmbeddingModel("random", DIM);
      fill(index, random, 20, 50);
      for (SearchScope scope :
          List.of(SearchScope.all(), SearchScope.only("s1"), SearchScope.allExcept(Set.of("s0")))) {
        for (int q = 0; q < 20; q++) {
          Embedding query = randomUnit(random, DIM);
          List<ScoredChunk> vec0 = index.vec0VectorSearch(query, 10, scope);
          List<ScoredChunk> java = index.javaVectorSearch(query, 10, scope);
          assertSame(vec0, java);
          assertThat(ids(index.vectorSearch(query, 10, scope)))
              .as("sqlite-vec answers when it is loaded")
              .containsExactlyElementsOf(ids(vec0));
          assertThat(vec0).allSatisfy(h -> assertThat(scope.admits(h.chunk().source())).isTrue());
        }
      }
    }
  }

  @Test
  void backendsStayInSyncAcrossReplaceDeleteAndReopen() {
    Random random = new Random(7);
    Path db = dir.resolve("i.sqlite");
    try (SqliteMemoryIndex index =
        SqliteMemoryIndex.open(db, SqliteOptions.defaults().withSqliteVec(vec()))) {
      index.useEmbeddingModel("random", DIM);
      fill(index, random, 10, 20);
      index.javaVectorSearch(randomUnit(random, DIM), 5, SearchScope.all()); // load the Java matrix
      fill(index, random, 5, 30); // replaces files 0..4
      index.deleteFile("f7.md");
      compare(index, random);
    }
    // Written without sqlite-vec: chunks_vec becomes stale and must be rebuilt when sqlite-vec is
    // back.
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db, SqliteOptions.javaKnn())) {
      index.deleteFile("f8.md");
      fill(index, random, 3, 10);
    }
    try (SqliteMemoryIndex index =
        SqliteMemoryIndex.open(db, SqliteOptions.defaults().withSqliteVec(vec()))) {
      assertThat(index.stats().embeddedChunks()).isEqualTo(3 * 10 + 2 * 30 + 3 * 20);
      compare(index, random);
    }
  }

  @Test
  void backendsAgreeWhenChunksHaveSeveralWindowsAndEachChunkComesOnce() {
    Random random = new Random(11);
    Path db = dir.resolve("i.sqlite");
    try (SqliteMemoryIndex index =
        SqliteMemoryIndex.open(db, SqliteOptions.defaults().withSqliteVec(vec()))) {
      index.useEmbeddingModel("random", DIM);
      fill(index, random, 6, 20);
      index.javaVectorSearch(randomUnit(random, DIM), 5, SearchScope.all()); // load the Java matrix
      windows(index, random, 2);
      windows(index, random, 4); // replaces every chunk's windows
      index.deleteFile("f3.md");
      compare(index, random);
      for (int q = 0; q < 10; q++) {
        List<ScoredChunk> hits = index.vectorSearch(randomUnit(random, DIM), 25, SearchScope.all());
        assertThat(ids(hits)).doesNotHaveDuplicates().hasSize(25);
      }
    }
    try (SqliteMemoryIndex index = SqliteMemoryIndex.open(db, SqliteOptions.javaKnn())) {
      windows(index, random, 3);
    }
    try (SqliteMemoryIndex index =
        SqliteMemoryIndex.open(db, SqliteOptions.defaults().withSqliteVec(vec()))) {
      compare(index, random);
    }
  }

  /** Gives every stored chunk {@code n} random window vectors. */
  private static void windows(SqliteMemoryIndex index, Random random, int n) {
    java.util.Map<Long, List<Embedding>> byId = new java.util.HashMap<>();
    for (ScoredChunk h : index.javaVectorSearch(randomUnit(random, DIM), 1000, SearchScope.all())) {
      List<Embedding> w = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        w.add(randomUnit(random, DIM));
      }
      byId.put(h.chunk().id(), w);
    }
    index.storeWindowVectors(byId);
  }

  private static void compare(SqliteMemoryIndex index, Random random) {
    for (int q = 0; q < 10; q++) {
      Embedding query = randomUnit(random, DIM);
      assertSame(
          index.vec0VectorSearch(query, 25, SearchScope.all()),
          index.javaVectorSearch(query, 25, SearchScope.all()));
    }
  }

  static void fill(SqliteMemoryIndex index, Random random, int files, int chunksPerFile) {
    for (int f = 0; f < files; f++) {
      List<NewChunk> chunks = new ArrayList<>();
      for (int c = 0; c < chunksPerFile; c++) {
        chunks.add(
            chunk(
                c * 3 + 1,
                "file " + f + " chunk " + c + " " + random.nextInt(),
                randomUnit(random, DIM)));
      }
      index.replaceFile(file("f" + f + ".md", "s" + (f % 3)), chunks);
    }
  }

  /**
   * The same neighbours with the same scores, up to the Java k-NN's half-precision error: the i-th
   * scores agree within it, and a neighbour only one side found ties with the other's last.
   */
  private static void assertSame(List<ScoredChunk> vec0, List<ScoredChunk> java) {
    assertThat(vec0).isNotEmpty().hasSameSizeAs(java);
    Offset<Double> tie = Offset.offset(2 * JavaKnn.MAX_SCORE_ERROR);
    for (int i = 0; i < vec0.size(); i++) {
      assertThat(java.get(i).score()).isCloseTo(vec0.get(i).score(), tie);
    }
    List<Long> vec0Ids = ids(vec0);
    for (ScoredChunk hit : java) {
      if (!vec0Ids.contains(hit.chunk().id())) {
        assertThat(hit.score())
            .as("a neighbour only the Java k-NN found ties with sqlite-vec's last")
            .isCloseTo(vec0.getLast().score(), tie);
      }
    }
  }

  private static List<Long> ids(List<ScoredChunk> hits) {
    return hits.stream().map(h -> h.chunk().id()).toList();
  }
}
