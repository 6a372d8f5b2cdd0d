package dev.localgpt.adapter.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.adapter.sqlite.JavaKnn.Row;
import dev.localgpt.adapter.sqlite.TopK.Hit;
import dev.localgpt.ports.memory.SearchScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The int8 first scan with float re-ranking must find what an exact scan finds. */
class JavaKnnTest {
  private static final int DIM = 384;

  @Test
  void theInt8ScanFindsTheExactNeighboursWithScoresWithinTheHalfPrecisionBound() {
    Random random = new Random(11);
    List<float[]> rows = new ArrayList<>();
    JavaKnn knn = new JavaKnn();
    knn.reset(DIM);
    List<Row> batch = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      float[] v = gaussian(random, 1f);
      rows.add(v);
      batch.add(new Row(i, i % 3 == 0 ? "knowledge/a" : "memory", v));
    }
    knn.apply(List.of(), batch);
    int found = 0;
    int wanted = 0;
    for (int q = 0; q < 50; q++) {
      float[] query = gaussian(random, 1f);
      for (int k : new int[] {10, 24, 40}) {
        Hit[] hits = knn.search(query, k, SearchScope.all());
        List<Integer> exact = exactTop(rows, query, k);
        Set<Long> got = new HashSet<>();
        for (Hit h : hits) {
          got.add(h.id());
          assertThat((double) h.score())
              .isCloseTo(
                  cosine(rows.get((int) h.id()), query), Offset.offset(JavaKnn.MAX_SCORE_ERROR));
        }
        wanted += k;
        found += (int) exact.stream().filter(i -> got.contains((long) i)).count();
      }
    }
    assertThat((double) found / wanted)
        .as("recall against the exact scan")
        .isGreaterThanOrEqualTo(0.99);
  }

  @Test
  void aReservedLoadAllocatesTheMatrixOnceAndAnswersAsBefore() {
    Random random = new Random(13);
    List<Row> batch = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      batch.add(new Row(i, "memory", gaussian(random, 1f)));
    }
    JavaKnn grown = new JavaKnn();
    grown.reset(DIM);
    grown.apply(List.of(), batch);
    JavaKnn reserved = new JavaKnn();
    reserved.reset(DIM);
    reserved.reserve(batch.size());
    reserved.apply(List.of(), batch);

    assertThat(reserved.capacity()).isEqualTo(1000);
    assertThat(grown.capacity()).isGreaterThan(1000);
    float[] query = gaussian(random, 1f);
    assertThat(reserved.search(query, 10, SearchScope.all()))
        .containsExactly(grown.search(query, 10, SearchScope.all()));
  }

  @Test
  void codesMapTheLargestComponentTo127AndScaleBack() {
    byte[] code = new byte[3];
    float scale = DotProducts.encode(new float[] {0.5f, -1f, 0.25f}, 0, 3, code, 0);
    assertThat(code).containsExactly(64, -127, 32);
    assertThat(scale).isEqualTo(1f / 127f);
    assertThat(DotProducts.dot(code, code, 0, 3) * scale * scale)
        .isCloseTo(1.3125f, Offset.offset(0.01f));
    assertThat(DotProducts.encode(new float[3], 0, 3, code, 0)).isZero();
  }

  @Test
  void similarRowsAndScopesAreRankedLikeTheExactScan() {
    Random random = new Random(12);
    float[] base = gaussian(random, 1f);
    List<float[]> rows = new ArrayList<>();
    List<Row> batch = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      float[] v = base.clone();
      float[] noise = gaussian(random, 0.3f);
      for (int d = 0; d < DIM; d++) {
        v[d] += noise[d];
      }
      rows.add(v);
      batch.add(new Row(i, i % 2 == 0 ? "memory" : "knowledge/b", v));
    }
    JavaKnn knn = new JavaKnn();
    knn.reset(DIM);
    knn.apply(List.of(), batch);
    Hit[] hits = knn.search(base, 10, SearchScope.only("memory"));
    double[] scores = rows.stream().mapToDouble(r -> cosine(r, base)).toArray();
    List<Integer> exact =
        IntStream.range(0, rows.size())
            .filter(i -> i % 2 == 0)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]))
            .limit(10)
            .toList();
    assertThat(Arrays.stream(hits).map(h -> (int) h.id()).toList())
        .containsExactlyElementsOf(exact);
  }

  private static List<Integer> exactTop(List<float[]> rows, float[] query, int k) {
    double[] scores = rows.stream().mapToDouble(r -> cosine(r, query)).toArray();
    return IntStream.range(0, rows.size())
        .boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]))
        .limit(k)
        .toList();
  }

  private static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += (double) a[i] * b[i];
      na += (double) a[i] * a[i];
      nb += (double) b[i] * b[i];
    }
    return dot / Math.sqrt(na * nb);
  }

  private static float[] gaussian(Random random, float sigma) {
    float[] v = new float[DIM];
    for (int i = 0; i < DIM; i++) {
      v[i] = (float) random.nextGaussian() * sigma;
    }
    return v;
  }
}
