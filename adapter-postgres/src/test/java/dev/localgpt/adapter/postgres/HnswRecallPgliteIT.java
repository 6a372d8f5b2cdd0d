package dev.localgpt.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.embedding.Embedding;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.NewChunk;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.SearchScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * pgvector's HNSW as the adapter uses it, on a clustered synthetic set (real embeddings cluster by
 * topic; uniformly random 384-d vectors are HNSW's worst case): a bulk load builds the index once,
 * the adapter's own k-NN statement runs on it, and its top 10 match the exact top 10. 4,000 chunks:
 * below about 2,000 rows in a workspace the planner rightly prefers an exact scan (cheaper than the
 * HNSW walk's start-up, and exact).
 */
class HnswRecallPgliteIT {
  @RegisterExtension static final PgliteDatabase PGLITE = new PgliteDatabase();

  private static final int DIM = 384;
  private static final int CHUNKS = 4000;
  private static final int CLUSTERS = 80;
  private static final int QUERIES = 20;
  private static final int PER_FILE = 10;

  private static final Random RANDOM = new Random(11);
  private static final float[][] CENTERS = new float[CLUSTERS][];
  private static final List<float[]> VECTORS = new ArrayList<>();
  private static PostgresMemoryIndex index;

  @BeforeAll
  static void bulkLoadTwoWorkspaces() {
    for (int k = 0; k < CLUSTERS; k++) {
      CENTERS[k] = gaussian(1.0 / Math.sqrt(DIM));
    }
    index = PostgresMemoryIndex.open(PGLITE.db(), "recall", Set.of());
    PostgresMemoryIndex other = PostgresMemoryIndex.open(PGLITE.db(), "recall-other", Set.of());
    try (PostgresMemoryIndex load = index.bulkLoad();
        PostgresMemoryIndex otherLoad = other.bulkLoad()) {
      load.useEmbeddingModel("clustered", DIM);
      otherLoad.useEmbeddingModel("clustered", DIM);
      for (int f = 0; f * PER_FILE < CHUNKS; f++) {
        List<NewChunk> chunks = new ArrayList<>();
        for (int c = 0; c < PER_FILE; c++) {
          float[] v = nearCenter(RANDOM.nextInt(CLUSTERS));
          VECTORS.add(v);
          chunks.add(new NewChunk(c + 1, c + 1, "", "chunk " + f + "-" + c, "h" + f + c, of(v)));
        }
        load.replaceFile(new IndexedFile("notes/f" + f + ".md", "memory", "h" + f, 0, 1), chunks);
        if (f % 4 == 0) { // another user's rows in the same graph: the workspace filter matters
          otherLoad.replaceFile(
              new IndexedFile("other/f" + f + ".md", "memory", "o" + f, 0, 1),
              List.of(new NewChunk(1, 1, "", "other " + f, "o" + f, of(nearCenter(f % CLUSTERS)))));
        }
      }
    }
  }

  @Test
  void theBulkLoadWroteEveryRowAndBuiltTheIndexOnce() {
    assertThat(index.stats().chunks()).isEqualTo(CHUNKS);
    assertThat(index.stats().embeddedChunks()).isEqualTo(CHUNKS);
    assertThat(index.files()).hasSize(CHUNKS / PER_FILE);
  }

  @Test
  void theAdaptersOwnStatementWalksTheHnswIndex() {
    String plan = index.explainVectorSearch(of(nearCenter(3)), 10, SearchScope.all());
    System.out.println(
        "k-NN plan, "
            + CHUNKS
            + " clustered 384-d chunks:\n"
            + plan.replaceAll("\\[[-0-9.,e]+]", "[...]"));
    assertThat(plan).contains("Index Scan using " + Vectors.indexName(DIM));
  }

  @Test
  void recallAt10AgainstTheExactTop10IsAtLeast90Percent() {
    double sum = 0;
    long[] nanos = new long[QUERIES];
    for (int q = 0; q < QUERIES; q++) {
      float[] query = nearCenter(RANDOM.nextInt(CLUSTERS));
      long t0 = System.nanoTime();
      List<ScoredChunk> hits = index.vectorSearch(of(query), 10, SearchScope.all());
      nanos[q] = System.nanoTime() - t0;
      assertThat(hits).hasSize(10).allMatch(h -> h.chunk().path().startsWith("notes/"));
      assertThat(hits)
          .extracting(ScoredChunk::score)
          .isSortedAccordingTo(Comparator.reverseOrder());
      Set<Integer> found = new HashSet<>();
      hits.forEach(h -> found.add(ordinal(h)));
      found.retainAll(exactTop10(query));
      sum += found.size() / 10.0;
    }
    Arrays.sort(nanos);
    double recall = sum / QUERIES;
    System.out.printf(
        Locale.ROOT,
        "HNSW recall@10 (clustered, %d chunks, ef_search %d): %.3f, k-NN p50 %.1f ms%n",
        CHUNKS,
        VectorQuery.efSearch(10),
        recall,
        nanos[QUERIES / 2] / 1e6);
    assertThat(recall).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void aPathGivenTwiceInOneBulkLoadKeepsItsLastChunks() {
    PostgresMemoryIndex twice = PostgresMemoryIndex.open(PGLITE.db(), "recall-twice", Set.of());
    try (PostgresMemoryIndex load = twice.bulkLoad()) {
      IndexedFile file = new IndexedFile("notes/a.md", "memory", "h", 0, 1);
      load.replaceFile(file, List.of(new NewChunk(1, 1, "", "first okapi", "h1", null)));
      load.replaceFile(file, List.of(new NewChunk(1, 1, "", "second okapi", "h2", null)));
    }
    assertThat(twice.keywordSearch("okapi", 10, SearchScope.all()))
        .extracting(h -> h.chunk().text())
        .containsExactly("second okapi");
  }

  /** The index of a hit's vector in {@link #VECTORS}, from its file and line. */
  private static int ordinal(ScoredChunk hit) {
    String path = hit.chunk().path();
    int file = Integer.parseInt(path.substring("notes/f".length(), path.length() - 3));
    return file * PER_FILE + hit.chunk().startLine() - 1;
  }

  private static Set<Integer> exactTop10(float[] query) {
    Set<Integer> top = new HashSet<>();
    IntStream.range(0, VECTORS.size())
        .boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -dot(query, VECTORS.get(i))))
        .limit(10)
        .forEach(top::add);
    return top;
  }

  /** A unit vector about 0.7 cosine from the cluster's center. */
  private static float[] nearCenter(int cluster) {
    float[] noise = gaussian(1.0 / Math.sqrt(DIM));
    float[] v = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      v[i] = CENTERS[cluster][i] + noise[i];
    }
    return of(v).toArray();
  }

  private static float[] gaussian(double sigma) {
    float[] v = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      v[i] = (float) (RANDOM.nextGaussian() * sigma);
    }
    return v;
  }

  private static Embedding of(float[] v) {
    return Embedding.normalized(v);
  }

  private static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
