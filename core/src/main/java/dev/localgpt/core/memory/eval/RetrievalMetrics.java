package dev.localgpt.core.memory.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The BEIR metrics (as pytrec_eval computes them): nDCG@k with linear gain {@code rel / log2(rank +
 * 1)} over the ranked documents, divided by the same sum over the judged documents sorted by
 * relevance; Recall@k = relevant documents (relevance &gt; 0) in the top k / all relevant
 * documents.
 */
public final class RetrievalMetrics {
  private RetrievalMetrics() {}

  /**
   * nDCG@k of one ranking against graded judgements ({@code docId -> relevance}); 0 when nothing is
   * relevant.
   */
  public static double ndcg(List<String> ranked, Map<String, Integer> judged, int k) {
    double dcg = 0;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      String doc = ranked.get(i);
      if (seen.add(doc)) {
        dcg += Math.max(0, judged.getOrDefault(doc, 0)) / log2(i + 2);
      }
    }
    List<Integer> ideal =
        judged.values().stream().filter(r -> r > 0).sorted((a, b) -> b - a).toList();
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  /** Recall@k of one ranking; 0 when nothing is relevant. */
  public static double recall(List<String> ranked, Map<String, Integer> judged, int k) {
    long relevant = judged.values().stream().filter(r -> r > 0).count();
    if (relevant == 0) {
      return 0;
    }
    Set<String> found = new HashSet<>();
    for (int i = 0; i < Math.min(k, ranked.size()); i++) {
      if (judged.getOrDefault(ranked.get(i), 0) > 0) {
        found.add(ranked.get(i));
      }
    }
    return (double) found.size() / relevant;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
