package dev.localgpt.core.memory.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrievalMetricsTest {
  private static final double LOG2_3 = Math.log(3) / Math.log(2);

  @Test
  void perfectRankingScoresOne() {
    assertThat(RetrievalMetrics.ndcg(List.of("a", "b"), Map.of("a", 1, "b", 1), 10))
        .isCloseTo(1.0, within(1e-12));
  }

  @Test
  void singleRelevantDocumentAtRankTwoScoresOneOverLog2OfThree() {
    // DCG = 1 / log2(3), IDCG = 1 / log2(2) = 1.
    assertThat(RetrievalMetrics.ndcg(List.of("x", "a", "y"), Map.of("a", 1), 10))
        .isCloseTo(1 / LOG2_3, within(1e-12));
  }

  @Test
  void gradedJudgementsUseLinearGainAndTheIdealOrder() {
    // ranked: b (rel 1), a (rel 2). DCG = 1/1 + 2/log2(3). IDCG = 2/1 + 1/log2(3).
    double expected = (1 + 2 / LOG2_3) / (2 + 1 / LOG2_3);
    assertThat(RetrievalMetrics.ndcg(List.of("b", "a"), Map.of("a", 2, "b", 1), 10))
        .isCloseTo(expected, within(1e-12));
  }

  @Test
  void documentsBelowTheCutOffAndZeroJudgementsDoNotCount() {
    assertThat(RetrievalMetrics.ndcg(List.of("x", "a"), Map.of("a", 1, "x", 0), 1)).isZero();
    assertThat(RetrievalMetrics.ndcg(List.of("a"), Map.of("a", 0), 10)).isZero();
  }

  @Test
  void idealCountsRelevantDocumentsNeverRetrieved() {
    // two relevant, one found at rank 1: DCG = 1, IDCG = 1 + 1/log2(3).
    assertThat(RetrievalMetrics.ndcg(List.of("a"), Map.of("a", 1, "b", 1), 10))
        .isCloseTo(1 / (1 + 1 / LOG2_3), within(1e-12));
  }

  @Test
  void recallIsTheFoundShareOfRelevantDocumentsWithinK() {
    Map<String, Integer> judged = Map.of("a", 1, "b", 2, "c", 1, "z", 0);
    assertThat(RetrievalMetrics.recall(List.of("a", "z", "x", "b"), judged, 100))
        .isCloseTo(2 / 3.0, within(1e-12));
    assertThat(RetrievalMetrics.recall(List.of("a", "z", "x", "b"), judged, 3))
        .isCloseTo(1 / 3.0, within(1e-12));
    assertThat(RetrievalMetrics.recall(List.of("a"), Map.of(), 100)).isZero();
  }

  @Test
  void aDocumentRankedTwiceCountsOnce() {
    // ranked: a, a, b. DCG = 1/1 + 0 (repeat) + 1/log2(4) = 1.5. IDCG = 1 + 1/log2(3).
    assertThat(RetrievalMetrics.ndcg(List.of("a", "a", "b"), Map.of("a", 1, "b", 1), 10))
        .isCloseTo(1.5 / (1 + 1 / LOG2_3), within(1e-12));
    assertThat(RetrievalMetrics.recall(List.of("a", "a"), Map.of("a", 1, "b", 1), 100))
        .isCloseTo(0.5, within(1e-12));
  }
}
