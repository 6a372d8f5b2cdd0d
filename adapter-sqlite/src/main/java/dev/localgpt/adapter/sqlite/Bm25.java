package dev.localgpt.adapter.sqlite;

import dev.localgpt.ports.memory.SearchScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * FTS5's {@code bm25()} over a {@link KeywordIndex}, for a query that ORs phrases of one term each:
 * k1 = 1.2, b = 0.75, idf = ln((N - n + 0.5) / (n + 0.5)) floored at 1e-6, avgdl over all rows,
 * each phrase's part summed in phrase order with the same operations as FTS5's C code, so the
 * scores agree to the last bits. A term listed twice counts twice, as two phrases do in FTS5. Rows
 * rank by score, then by chunk id, as {@code order by rank, rowid} does.
 */
final class Bm25 {
  static final double K1 = 1.2;
  static final double B = 0.75;

  /** One ranked chunk: its id and its score ({@code -bm25}, &gt; 0). */
  record Hit(long id, double score) {}

  /**
   * Per-row score accumulators, reused across searches (not thread-locals: the server runs each
   * request on a new virtual thread, so a thread-local would be a fresh array per request).
   */
  private record Scratch(double[] scores, int[] touched) {}

  private static final ArrayBlockingQueue<Scratch> POOL = new ArrayBlockingQueue<>(8);

  private Bm25() {}

  /**
   * The {@code k} best chunks among the sources {@code scope} admits that hold any of {@code
   * terms}, best first.
   */
  static List<Hit> search(KeywordIndex index, List<byte[]> terms, int k, SearchScope scope) {
    index.lock.readLock().lock();
    try {
      if (index.liveRows == 0 || k <= 0) {
        return List.of();
      }
      boolean[] admitted = new boolean[index.sources.size()];
      for (int i = 0; i < admitted.length; i++) {
        admitted[i] = scope.admits(index.sources.get(i));
      }
      Scratch scratch = POOL.poll();
      if (scratch == null || scratch.scores().length < index.rows) {
        int capacity = index.rows + (index.rows >> 2);
        scratch = new Scratch(new double[capacity], new int[capacity]);
      }
      double[] scores = scratch.scores();
      int[] touched = scratch.touched();
      int touchedCount = 0;
      double avgdl = (double) index.totalTokens / (double) index.liveRows;
      int[] lengths = index.lengths;
      for (byte[] term : terms) {
        int id = index.terms.find(term, term.length);
        if (id < 0) {
          continue;
        }
        int[] list = index.postings[id];
        int count = index.postingCounts[id];
        long hits = 0;
        for (int i = 0; i < count; i++) {
          if (lengths[list[i] >>> 8] >= 0) {
            hits++;
          }
        }
        double idf = Math.log((index.liveRows - hits + 0.5) / (hits + 0.5));
        if (idf <= 0.0) {
          idf = 1e-6;
        }
        for (int i = 0; i < count; i++) {
          int p = list[i];
          int row = p >>> 8;
          int d = lengths[row];
          if (d < 0 || !admitted[index.sourceCodes[row]]) {
            continue;
          }
          double f = index.tf(id, p);
          if (scores[row] == 0.0) {
            touched[touchedCount++] = row;
          }
          scores[row] += idf * ((f * (K1 + 1.0)) / (f + K1 * (1 - B + B * d / avgdl)));
        }
      }
      List<Hit> hits = top(index.chunkIds, scores, touched, touchedCount, k);
      POOL.offer(scratch);
      return hits;
    } finally {
      index.lock.readLock().unlock();
    }
  }

  /** The k best touched rows (clearing their scores), best first. */
  private static List<Hit> top(long[] ids, double[] scores, int[] touched, int n, int k) {
    int size = Math.min(k, n);
    int[] heap = new int[size]; // worst of the kept rows at the root
    int filled = 0;
    for (int i = 0; i < n; i++) {
      int row = touched[i];
      if (filled < size) {
        heap[filled] = row;
        up(heap, filled++, ids, scores);
      } else if (better(row, heap[0], ids, scores)) {
        heap[0] = row;
        down(heap, size, ids, scores);
      }
    }
    Integer[] order = new Integer[filled];
    for (int i = 0; i < filled; i++) {
      order[i] = heap[i];
    }
    Arrays.sort(order, (a, b) -> better(a, b, ids, scores) ? -1 : (a.equals(b) ? 0 : 1));
    List<Hit> out = new ArrayList<>(filled);
    for (int row : order) {
      out.add(new Hit(ids[row], scores[row]));
    }
    for (int i = 0; i < n; i++) {
      scores[touched[i]] = 0.0;
    }
    return out;
  }

  private static boolean better(int a, int b, long[] ids, double[] scores) {
    return scores[a] > scores[b] || (scores[a] == scores[b] && ids[a] < ids[b]);
  }

  private static void up(int[] heap, int i, long[] ids, double[] scores) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!better(heap[parent], heap[i], ids, scores)) {
        return;
      }
      swap(heap, i, parent);
      i = parent;
    }
  }

  private static void down(int[] heap, int size, long[] ids, double[] scores) {
    int i = 0;
    while (true) {
      int worst = i;
      int left = 2 * i + 1;
      int right = left + 1;
      if (left < size && better(heap[worst], heap[left], ids, scores)) {
        worst = left;
      }
      if (right < size && better(heap[worst], heap[right], ids, scores)) {
        worst = right;
      }
      if (worst == i) {
        return;
      }
      swap(heap, i, worst);
      i = worst;
    }
  }

  private static void swap(int[] heap, int a, int b) {
    int t = heap[a];
    heap[a] = heap[b];
    heap[b] = t;
  }
}
