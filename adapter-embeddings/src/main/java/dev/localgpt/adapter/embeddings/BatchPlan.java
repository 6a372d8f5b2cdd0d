package dev.localgpt.adapter.embeddings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Groups tokenised texts into model runs: all texts ordered by token count, then cut into batches
 * of at most {@code batchSize} whose longest text is at most {@value #GROWTH} × the shortest +
 * {@value #SLACK} tokens. Similar lengths mean little padding, which saves work and, for the int8
 * models, keeps vectors close to those of a text run alone (their activations are quantised with
 * one scale per batch, so padded rows shift the result).
 */
final class BatchPlan {
  static final double GROWTH = 1.25;
  static final int SLACK = 4;

  private BatchPlan() {}

  /**
   * Each element holds the indexes into {@code ids} of one batch, shortest first; every index
   * appears once.
   */
  static List<int[]> of(int[][] ids, int batchSize) {
    Integer[] order = new Integer[ids.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> ids[i].length));
    List<int[]> batches = new ArrayList<>();
    int from = 0;
    while (from < order.length) {
      int limit = (int) (ids[order[from]].length * GROWTH) + SLACK;
      int to = from + 1;
      while (to < order.length && to - from < batchSize && ids[order[to]].length <= limit) {
        to++;
      }
      int[] batch = new int[to - from];
      for (int k = from; k < to; k++) {
        batch[k - from] = order[k];
      }
      batches.add(batch);
      from = to;
    }
    return batches;
  }
}
