package dev.localgpt.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.localgpt.ports.embedding.HashingEmbedder;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.ScoredChunk;
import dev.localgpt.ports.memory.StoredChunk;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FusionTest {
  private static StoredChunk chunk(long id) {
    return new StoredChunk(id, "docs/d" + id + ".md", "memory", 1, 1, "", "text " + id);
  }

  /** A leg over chunks {@code ids} (best first) with these scores. */
  private static List<ScoredChunk> leg(long[] ids, double[] scores) {
    List<ScoredChunk> out = new ArrayList<>();
    for (int i = 0; i < ids.length; i++) {
      out.add(new ScoredChunk(chunk(ids[i]), scores[i]));
    }
    return out;
  }

  /** An index whose two legs return fixed candidates, whatever the query. */
  private static MemoryIndex fixed(List<ScoredChunk> keyword, List<ScoredChunk> vector) {
    return (MemoryIndex)
        Proxy.newProxyInstance(
            MemoryIndex.class.getClassLoader(),
            new Class<?>[] {MemoryIndex.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "keywordSearch" -> keyword;
                  case "vectorSearch" -> vector;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  /**
   * Keyword leg: chunk 1 far ahead of the rest (31 near the bottom). Vector leg: 31..59 evenly
   * spread (no standout), chunk 1 last.
   */
  private static MemoryIndex peakedKeywordFlatVector() {
    long[] kIds = new long[30];
    double[] kScores = new double[30];
    for (int i = 0; i < 30; i++) {
      kIds[i] = i + 1;
      kScores[i] = i == 0 ? 20.0 : 3.0 - i * 0.01;
    }
    kIds[28] = 31;
    long[] vIds = new long[30];
    double[] vScores = new double[30];
    for (int i = 0; i < 29; i++) {
      vIds[i] = 31 + i;
      vScores[i] = 0.60 - i * 0.001;
    }
    vIds[29] = 1;
    vScores[29] = 0.57;
    return fixed(leg(kIds, kScores), leg(vIds, vScores));
  }

  private static long top(FusionMethod method) {
    SearchSettings settings = SearchSettings.defaults().withFusion(method).withWeights(0.5, 0.5);
    HybridSearch search =
        new HybridSearch(peakedKeywordFlatVector(), Optional.of(new HashingEmbedder()), settings);
    return Long.parseLong(
        search.search("q", SearchOptions.limit(5)).get(0).path().replaceAll("\\D", ""));
  }

  @Test
  void peakedLegIsMoreConfidentThanAFlatOne() {
    double peaked = Fusion.confidence(new double[] {1, 0.2, 0.1, 0.05, 0});
    double flat = Fusion.confidence(new double[] {1, 0.95, 0.9, 0.85, 0});
    assertThat(peaked).isGreaterThan(flat).isLessThanOrEqualTo(1);
    assertThat(flat).isGreaterThanOrEqualTo(0);
  }

  @Test
  void aLegWithOneCandidateIsFullyConfident() {
    assertThat(Fusion.confidence(new double[] {1})).isEqualTo(1.0);
    assertThat(Fusion.confidence(new double[0])).isEqualTo(1.0);
  }

  @Test
  void adaptiveFusionKeepsTheStandoutKeywordHitAboveAFlatVectorLegsTop() {
    assertThat(top(FusionMethod.WEIGHTED))
        .as("fixed 0.5/0.5 lets the flat leg win")
        .isNotEqualTo(1L);
    assertThat(top(FusionMethod.ADAPTIVE)).isEqualTo(1L);
  }

  @Test
  void confidenceIsTheSquaredDistanceOfTheTopMeanFromOne() {
    assertThat(Fusion.confidence(new double[] {1, 0.5, 0})).isCloseTo(0.25, within(1e-12));
    double[] long50 = new double[50];
    long50[0] = 1;
    java.util.Arrays.fill(long50, Fusion.CONFIDENCE_TOP, 50, 1.0);
    double mean = 1.0 / Fusion.CONFIDENCE_TOP;
    assertThat(Fusion.confidence(long50))
        .as("only the first CONFIDENCE_TOP count")
        .isCloseTo((1 - mean) * (1 - mean), within(1e-12));
  }

  @Test
  void minMaxMapsBestToOneWorstToZeroAndAFlatLegToOne() {
    assertThat(
            Fusion.normalise(
                leg(new long[] {1, 2, 3}, new double[] {8, 5, 2}), FusionMethod.WEIGHTED, 60))
        .containsExactly(1.0, 0.5, 0.0);
    assertThat(
            Fusion.normalise(
                leg(new long[] {1, 2}, new double[] {4, 4}), FusionMethod.ADAPTIVE, 60))
        .containsExactly(1.0, 1.0);
    assertThat(Fusion.normalise(leg(new long[] {1, 2}, new double[] {4, 3}), FusionMethod.RRF, 10))
        .containsExactly(1.0, 11.0 / 12.0);
  }

  private static List<Long> ranking(MemoryIndex index, FusionMethod method) {
    HybridSearch search =
        new HybridSearch(
            index,
            Optional.of(new HashingEmbedder()),
            SearchSettings.defaults().withFusion(method));
    return search.search("q", SearchOptions.limit(10)).stream()
        .map(h -> Long.parseLong(h.path().replaceAll("\\D", "")))
        .toList();
  }

  @ParameterizedTest
  @EnumSource(FusionMethod.class)
  void withOneLegEmptyTheFusedRankingIsTheOtherLegs(FusionMethod method) {
    List<ScoredChunk> keyword =
        leg(new long[] {7, 3, 9, 1, 5}, new double[] {9.5, 7.25, 4.0, 2.5, 1.0});
    List<ScoredChunk> vector = leg(new long[] {4, 8, 2, 6}, new double[] {0.9, 0.7, 0.55, 0.4});
    assertThat(ranking(fixed(keyword, List.of()), method)).containsExactly(7L, 3L, 9L, 1L, 5L);
    assertThat(ranking(fixed(List.of(), vector), method)).containsExactly(4L, 8L, 2L, 6L);
  }

  @ParameterizedTest
  @EnumSource(FusionMethod.class)
  void tiedScoresRankByChunkId(FusionMethod method) {
    List<ScoredChunk> keyword = leg(new long[] {5, 3, 4}, new double[] {6.0, 6.0, 6.0});
    List<ScoredChunk> vector = leg(new long[] {5, 3, 4}, new double[] {0.8, 0.8, 0.8});
    assertThat(ranking(fixed(keyword, vector), method)).containsExactly(3L, 4L, 5L);
  }

  @Test
  void adaptiveNormalisesLikeMinMax() {
    List<ScoredChunk> l = leg(new long[] {1, 2, 3}, new double[] {3, 2, 1});
    assertThat(Fusion.normalise(l, FusionMethod.ADAPTIVE, 60))
        .containsExactly(Fusion.normalise(l, FusionMethod.WEIGHTED, 60));
  }
}
