package dev.localgpt.adapter.sqlite;

import java.util.Arrays;

/**
 * Keeps the {@code k} best (score, id) pairs seen, in a binary min-heap over two primitive arrays
 * (the k-NN's candidates and hits, the keyword index's hits). Higher score wins; on equal scores
 * the lower id wins, so results are deterministic.
 */
final class TopK {
  private final int k;
  private final double[] scores;
  private final long[] ids;
  private int size;

  TopK(int k) {
    this.k = k;
    this.scores = new double[k];
    this.ids = new long[k];
  }

  /** The score a candidate must beat to enter once the heap is full. */
  double threshold() {
    return size < k ? Double.NEGATIVE_INFINITY : scores[0];
  }

  void offer(double score, long id) {
    if (size < k) {
      scores[size] = score;
      ids[size] = id;
      siftUp(size++);
    } else if (better(score, id, scores[0], ids[0])) {
      scores[0] = score;
      ids[0] = id;
      siftDown(0);
    }
  }

  void addAll(TopK other) {
    for (int i = 0; i < other.size; i++) {
      offer(other.scores[i], other.ids[i]);
    }
  }

  /** The hits, best first. */
  Hit[] sorted() {
    Hit[] hits = new Hit[size];
    for (int i = 0; i < size; i++) {
      hits[i] = new Hit(ids[i], scores[i]);
    }
    Arrays.sort(
        hits, (a, b) -> better(a.score(), a.id(), b.score(), b.id()) ? -1 : (a.equals(b) ? 0 : 1));
    return hits;
  }

  private static boolean better(double s1, long id1, double s2, long id2) {
    return s1 > s2 || (s1 == s2 && id1 < id2);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!better(scores[parent], ids[parent], scores[i], ids[i])) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int worst = left;
      int right = left + 1;
      if (right < size && better(scores[left], ids[left], scores[right], ids[right])) {
        worst = right;
      }
      if (!better(scores[i], ids[i], scores[worst], ids[worst])) {
        return;
      }
      swap(i, worst);
      i = worst;
    }
  }

  private void swap(int a, int b) {
    double s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
    long id = ids[a];
    ids[a] = ids[b];
    ids[b] = id;
  }

  /** One result: chunk id and score (a cosine similarity, or a keyword leg's {@code -bm25}). */
  record Hit(long id, double score) {}
}
