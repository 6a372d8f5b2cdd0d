package dev.localgpt.ports.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.localgpt.ports.embedding.Embedding;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link MemoryIndex} must show. An implementation's test extends this class
 * and supplies a fresh, empty index. Keyword tests use rare terms in a corpus padded with filler
 * files, because BM25 gives ~0 to a term present in half the rows or more.
 */
public abstract class MemoryIndexContract {
  protected MemoryIndex index;

  /** A new, empty index; closed after each test. */
  protected abstract MemoryIndex newIndex();

  @BeforeEach
  void openIndex() {
    index = newIndex();
  }

  @AfterEach
  void closeIndex() {
    index.close();
  }

  protected static String sha(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256")
                  .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  protected static IndexedFile file(String path, String source) {
    return new IndexedFile(path, source, sha(path), 1_000L, 10);
  }

  protected static NewChunk chunk(int line, String text) {
    return new NewChunk(line, line, "", text, sha(text), null);
  }

  protected static NewChunk chunk(int line, String text, float... vector) {
    return new NewChunk(line, line, "", text, sha(text), Embedding.normalized(vector));
  }

  /** Filler files whose words occur nowhere else, so test terms stay rare. */
  protected void addFiller(int count) {
    for (int i = 0; i < count; i++) {
      index.replaceFile(
          file("filler/f" + i + ".md", "memory"),
          List.of(chunk(1, "ordinary filler sentence number " + i + " about weather and lunch")));
    }
  }

  private static List<String> paths(List<ScoredChunk> hits) {
    return hits.stream().map(h -> h.chunk().path()).toList();
  }

  @Test
  void replaceFileStoresFileAndChunks() {
    IndexedFile f = new IndexedFile("memory/2024-01-02.md", "memory", sha("x"), 1234L, 99);
    index.replaceFile(
        f,
        List.of(
            new NewChunk(
                3, 7, "# Trip > ## Day one", "we saw a quokka", sha("we saw a quokka"), null)));

    assertThat(index.file("memory/2024-01-02.md")).contains(f);
    assertThat(index.files()).containsExactly(f);
    addFiller(6);
    List<ScoredChunk> hits = index.keywordSearch("quokka", 5, SearchScope.all());
    assertThat(hits).hasSize(1);
    StoredChunk c = hits.get(0).chunk();
    assertThat(c.path()).isEqualTo("memory/2024-01-02.md");
    assertThat(c.source()).isEqualTo("memory");
    assertThat(c.startLine()).isEqualTo(3);
    assertThat(c.endLine()).isEqualTo(7);
    assertThat(c.headingPath()).isEqualTo("# Trip > ## Day one");
    assertThat(c.text()).isEqualTo("we saw a quokka");
    assertThat(hits.get(0).score()).isGreaterThanOrEqualTo(0);
  }

  @Test
  void replaceFileReplacesAllOldChunks() {
    addFiller(6);
    index.replaceFile(
        file("a.md", "memory"), List.of(chunk(1, "axolotl one"), chunk(2, "axolotl two")));
    index.replaceFile(file("a.md", "memory"), List.of(chunk(1, "narwhal only")));

    assertThat(index.keywordSearch("axolotl", 10, SearchScope.all())).isEmpty();
    assertThat(paths(index.keywordSearch("narwhal", 10, SearchScope.all())))
        .containsExactly("a.md");
    assertThat(index.stats().chunks()).isEqualTo(7);
    assertThat(index.files()).filteredOn(f -> f.path().equals("a.md")).hasSize(1);
  }

  @Test
  void deleteFileRemovesFileAndChunksAndIgnoresUnknownPaths() {
    addFiller(6);
    index.replaceFile(file("a.md", "memory"), List.of(chunk(1, "pangolin facts", 1, 0, 0)));
    index.deleteFile("a.md");
    index.deleteFile("never-there.md");

    assertThat(index.file("a.md")).isEmpty();
    assertThat(index.keywordSearch("pangolin", 10, SearchScope.all())).isEmpty();
    assertThat(
            index.vectorSearch(Embedding.normalized(new float[] {1, 0, 0}), 10, SearchScope.all()))
        .isEmpty();
  }

  @Test
  void keywordSearchRanksMoreOccurrencesHigherAndOrsTerms() {
    addFiller(10);
    index.replaceFile(
        file("once.md", "memory"), List.of(chunk(1, "the okapi lives in the forest today")));
    index.replaceFile(
        file("twice.md", "memory"), List.of(chunk(1, "okapi okapi in the forest today")));
    index.replaceFile(
        file("other.md", "memory"), List.of(chunk(1, "a tapir sleeps in the forest today")));
    index.replaceFile(file("none.md", "memory"), List.of(chunk(1, "nothing relevant here at all")));

    assertThat(paths(index.keywordSearch("okapi", 10, SearchScope.all())))
        .containsExactly("twice.md", "once.md");
    assertThat(paths(index.keywordSearch("okapi tapir", 10, SearchScope.all())))
        .containsExactlyInAnyOrder("twice.md", "once.md", "other.md");
    assertThat(index.keywordSearch("okapi tapir", 2, SearchScope.all())).hasSize(2);
  }

  @Test
  void aRareWordMatchedOnceScoresOnBm25sScale() {
    addFiller(10);
    index.replaceFile(
        file("note.md", "memory"),
        List.of(chunk(1, "we talked about the weekend, the weather, a kayak and the garden")));

    List<ScoredChunk> hits = index.keywordSearch("kayak", 5, SearchScope.all());

    assertThat(paths(hits)).containsExactly("note.md");
    assertThat(hits.get(0).score())
        .as("core's relevance saturates keyword scores at 2 and drops hits below 0.1 of it")
        .isGreaterThan(0.25);
  }

  @Test
  void keywordSearchIsCaseInsensitive() {
    addFiller(6);
    index.replaceFile(file("a.md", "memory"), List.of(chunk(1, "Meeting with Zanzibar team")));
    assertThat(paths(index.keywordSearch("ZANZIBAR", 5, SearchScope.all())))
        .containsExactly("a.md");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"AND OR NEAR(",
        "",
        "   ",
        "\"",
        "*",
        "a* OR -b",
        "col:value",
        "NOT",
        "^start",
        "(((",
        "{x y}",
        "'; DROP TABLE chunks; --",
        "okapi AND",
        "🙂 émigré 日本語"
      })
  void keywordSearchNeverThrowsOnQuerySyntax(String text) {
    addFiller(3);
    index.replaceFile(file("a.md", "memory"), List.of(chunk(1, "okapi near the river")));
    assertThatCode(() -> index.keywordSearch(text, 5, SearchScope.all()))
        .doesNotThrowAnyException();
  }

  @Test
  void blankKeywordQueryGivesNothing() {
    addFiller(3);
    assertThat(index.keywordSearch("", 5, SearchScope.all())).isEmpty();
    assertThat(index.keywordSearch("  \t", 5, SearchScope.all())).isEmpty();
  }

  @Test
  void keywordSearchFindsWordsNextToPunctuation() {
    addFiller(6);
    index.replaceFile(
        file("a.md", "memory"), List.of(chunk(1, "Decision: use (kestrel) for builds.")));
    assertThat(paths(index.keywordSearch("kestrel?", 5, SearchScope.all())))
        .containsExactly("a.md");
  }

  @Test
  void vectorSearchReturnsNearestFirstAndSkipsChunksWithoutVectors() {
    index.useEmbeddingModel("test-model", 3);
    index.replaceFile(file("x.md", "memory"), List.of(chunk(1, "x", 1, 0, 0)));
    index.replaceFile(file("xy.md", "memory"), List.of(chunk(1, "xy", 1, 1, 0)));
    index.replaceFile(file("y.md", "memory"), List.of(chunk(1, "y", 0, 1, 0)));
    index.replaceFile(file("novec.md", "memory"), List.of(chunk(1, "no vector")));

    List<ScoredChunk> hits =
        index.vectorSearch(Embedding.normalized(new float[] {1, 0.1f, 0}), 10, SearchScope.all());
    assertThat(paths(hits)).containsExactly("x.md", "xy.md", "y.md");
    assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
    assertThat(hits.get(0).score()).isLessThanOrEqualTo(1.0 + 1e-5);
    assertThat(
            index.vectorSearch(Embedding.normalized(new float[] {1, 0, 0}), 2, SearchScope.all()))
        .hasSize(2);
  }

  @Test
  void chunksWithoutAVectorAreListedLowestIdFirstUntilTheirVectorsAreStored() {
    index.useEmbeddingModel("test-model", 3);
    index.replaceFile(
        file("a.md", "memory"),
        List.of(chunk(1, "alpha"), chunk(2, "beta", 0, 1, 0), chunk(3, "gamma")));
    index.replaceFile(file("b.md", "work"), List.of(chunk(1, "delta")));

    List<PendingChunk> pending = index.chunksWithoutVector(10);
    assertThat(pending).extracting(PendingChunk::text).containsExactly("alpha", "gamma", "delta");
    assertThat(pending)
        .extracting(PendingChunk::textHash)
        .containsExactly(sha("alpha"), sha("gamma"), sha("delta"));
    assertThat(index.chunksWithoutVector(2))
        .extracting(PendingChunk::text)
        .containsExactly("alpha", "gamma");

    index.storeVectors(
        Map.of(
            pending.get(0).id(),
            Embedding.normalized(new float[] {1, 0, 0}),
            pending.get(2).id(),
            Embedding.normalized(new float[] {0, 0, 1}),
            987_654L,
            Embedding.normalized(new float[] {1, 1, 1})));

    assertThat(index.chunksWithoutVector(10))
        .extracting(PendingChunk::text)
        .containsExactly("gamma");
    assertThat(index.stats().embeddedChunks()).isEqualTo(3);
    List<ScoredChunk> near =
        index.vectorSearch(Embedding.normalized(new float[] {0, 0, 1}), 1, SearchScope.all());
    assertThat(near).extracting(h -> h.chunk().text()).containsExactly("delta");
    assertThat(
            index.vectorSearch(
                Embedding.normalized(new float[] {0, 0, 1}), 5, SearchScope.only("memory")))
        .extracting(h -> h.chunk().text())
        .containsExactlyInAnyOrder("alpha", "beta");
  }

  private static Embedding v(float... values) {
    return Embedding.normalized(values);
  }

  @Test
  void aChunkWhoseSecondWindowMatchesRanksByItAndAppearsOnce() {
    index.useEmbeddingModel("test-model", 3);
    index.replaceFile(file("long.md", "memory"), List.of(chunk(1, "long chunk")));
    index.replaceFile(file("near.md", "memory"), List.of(chunk(1, "near chunk")));
    index.replaceFile(file("far.md", "work"), List.of(chunk(1, "far chunk")));
    Map<String, Long> ids = new java.util.HashMap<>();
    index.chunksWithoutVector(10).forEach(p -> ids.put(p.text(), p.id()));
    index.storeWindowVectors(
        Map.of(
            ids.get("long chunk"), List.of(v(0, 1, 0), v(1, 0, 0), v(0.9f, 0.1f, 0)),
            ids.get("near chunk"), List.of(v(1, 0.5f, 0)),
            ids.get("far chunk"), List.of(v(0, 0, 1))));

    List<ScoredChunk> hits = index.vectorSearch(v(1, 0, 0), 10, SearchScope.all());
    assertThat(paths(hits)).containsExactly("long.md", "near.md", "far.md");
    assertThat(hits.get(0).score()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
    assertThat(paths(index.vectorSearch(v(1, 0, 0), 1, SearchScope.all())))
        .containsExactly("long.md");
    assertThat(paths(index.vectorSearch(v(1, 0, 0), 2, SearchScope.only("memory"))))
        .containsExactly("long.md", "near.md");
    assertThat(index.stats().embeddedChunks()).isEqualTo(3);
    assertThat(index.chunksWithoutVector(10)).isEmpty();
  }

  @Test
  void storingAgainReplacesEveryWindowAndDeletingTheFileDropsThem() {
    index.useEmbeddingModel("test-model", 3);
    index.replaceFile(file("a.md", "memory"), List.of(chunk(1, "alpha")));
    index.replaceFile(file("b.md", "memory"), List.of(chunk(1, "beta", 0, 1, 0)));
    long id = index.chunksWithoutVector(1).get(0).id();
    index.storeWindowVectors(Map.of(id, List.of(v(0, 1, 0), v(0, 0, 1))));
    index.storeWindowVectors(Map.of(id, List.of(v(1, 0, 0))));

    assertThat(paths(index.vectorSearch(v(0, 0.5f, 1), 10, SearchScope.all())))
        .containsExactly("b.md", "a.md");
    index.deleteFile("a.md");
    assertThat(paths(index.vectorSearch(v(0, 0.5f, 1), 10, SearchScope.all())))
        .containsExactly("b.md");
  }

  @Test
  void vectorsStoredBeforeAnyFileHadOneMakeVectorSearchWork() {
    index.useEmbeddingModel("test-model", 3);
    index.replaceFile(file("a.md", "memory"), List.of(chunk(1, "alpha")));
    long id = index.chunksWithoutVector(1).get(0).id();
    index.storeVectors(Map.of(id, Embedding.normalized(new float[] {0, 1, 0})));
    assertThat(
            paths(
                index.vectorSearch(
                    Embedding.normalized(new float[] {0, 1, 0}), 3, SearchScope.all())))
        .containsExactly("a.md");
  }

  @Test
  void scopesIncludeAndExcludeSourcesInBothLegs() {
    addFiller(6);
    index.useEmbeddingModel("test-model", 3);
    index.replaceFile(file("memory/a.md", "memory"), List.of(chunk(1, "gecko notes", 1, 0, 0)));
    index.replaceFile(
        file("knowledge/work/b.md", "work"), List.of(chunk(1, "gecko work", 1, 0, 0)));
    index.replaceFile(
        file("knowledge/secret/c.md", "secret"), List.of(chunk(1, "gecko secret", 1, 0, 0)));
    Embedding q = Embedding.normalized(new float[] {1, 0, 0});

    assertThat(paths(index.keywordSearch("gecko", 10, SearchScope.only("work"))))
        .containsExactly("knowledge/work/b.md");
    assertThat(paths(index.vectorSearch(q, 10, SearchScope.only("work"))))
        .containsExactly("knowledge/work/b.md");
    assertThat(paths(index.keywordSearch("gecko", 10, SearchScope.allExcept(Set.of("secret")))))
        .containsExactlyInAnyOrder("memory/a.md", "knowledge/work/b.md");
    assertThat(paths(index.vectorSearch(q, 10, SearchScope.allExcept(Set.of("secret")))))
        .containsExactlyInAnyOrder("memory/a.md", "knowledge/work/b.md");
    assertThat(paths(index.keywordSearch("gecko", 10, SearchScope.all()))).hasSize(3);
  }

  @Test
  void embeddingCacheRoundTripsPerModel() {
    Embedding e1 = Embedding.of(new float[] {0.25f, -0.5f, 0.125f});
    Embedding e2 = Embedding.of(new float[] {1f, 0f, 0f});
    index.cacheEmbeddings("m1", Map.of("h1", e1, "h2", e2));

    Map<String, Embedding> got = index.cachedEmbeddings("m1", List.of("h1", "h2", "h3"));
    assertThat(got).containsOnlyKeys("h1", "h2");
    assertThat(got.get("h1")).isEqualTo(e1);
    assertThat(got.get("h2")).isEqualTo(e2);
    assertThat(index.cachedEmbeddings("m2", List.of("h1"))).isEmpty();
    assertThat(index.cachedEmbeddings("m1", List.of())).isEmpty();
  }

  @Test
  void embeddingCacheHandlesLargeLookups() {
    Map<String, Embedding> many = new java.util.HashMap<>();
    List<String> hashes = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      String h = sha("t" + i);
      hashes.add(h);
      many.put(h, Embedding.of(new float[] {i, 1}));
    }
    index.cacheEmbeddings("m", many);
    assertThat(index.cachedEmbeddings("m", hashes)).hasSize(2500);
  }

  @Test
  void switchingTheModelDropsFilesButKeepsTheCache() {
    index.useEmbeddingModel("m1", 3);
    index.replaceFile(file("a.md", "memory"), List.of(chunk(1, "a", 1, 0, 0)));
    index.cacheEmbeddings("m1", Map.of("h", Embedding.of(new float[] {1, 2, 3})));

    index.useEmbeddingModel("m1", 3);
    assertThat(index.files()).hasSize(1);
    assertThat(index.embeddingModel()).contains("m1");

    index.useEmbeddingModel("m2", 3);
    assertThat(index.embeddingModel()).contains("m2");
    assertThat(index.files()).isEmpty();
    assertThat(index.stats().chunks()).isZero();
    assertThat(index.cachedEmbeddings("m1", List.of("h"))).containsKey("h");
  }

  @Test
  void theChunkingVersionIsEmptyUntilRecordedThenTheLastOneRecorded() {
    assertThat(index.chunkingVersion()).isEmpty();

    index.useChunkingVersion("markdown-2/tokens:m/254/50");
    index.useChunkingVersion("markdown-2/tokens:m/200/40");

    assertThat(index.chunkingVersion()).contains("markdown-2/tokens:m/200/40");
  }

  @Test
  void statsCountFilesChunksAndVectors() {
    index.useEmbeddingModel("m1", 3);
    index.replaceFile(file("a.md", "memory"), List.of(chunk(1, "a", 1, 0, 0), chunk(2, "b")));
    index.replaceFile(file("b.md", "memory"), List.of(chunk(1, "c", 0, 1, 0)));
    IndexStats stats = index.stats();
    assertThat(stats.files()).isEqualTo(2);
    assertThat(stats.chunks()).isEqualTo(3);
    assertThat(stats.embeddedChunks()).isEqualTo(2);
    assertThat(stats.embeddingModel()).isEqualTo("m1");
  }

  @Test
  void searchesWhileAnotherThreadWrites() throws Exception {
    addFiller(6);
    index.replaceFile(file("stable.md", "memory"), List.of(chunk(1, "wombat stable")));
    List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread writer =
        new Thread(
            () -> {
              try {
                for (int i = 0; i < 200; i++) {
                  index.replaceFile(
                      file("w" + (i % 5) + ".md", "memory"), List.of(chunk(1, "wombat " + i)));
                }
              } catch (Throwable t) {
                errors.add(t);
              }
            });
    writer.start();
    for (int i = 0; i < 200; i++) {
      assertThat(paths(index.keywordSearch("stable", 5, SearchScope.all())))
          .containsExactly("stable.md");
    }
    writer.join();
    assertThat(errors).isEmpty();
  }
}
