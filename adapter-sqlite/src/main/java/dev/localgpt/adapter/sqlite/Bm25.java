package dev.localgpt.adapter.sqlite;

import dev.localgpt.adapter.sqlite.TopK.Hit;
import dev.localgpt.ports.memory.SearchScope;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * FTS5's {@code bm25()} over a {@link KeywordIndex}, for a query that ORs phrases of one term each:
 * k1 = 1.2, b = 0.75, idf = ln((N - n + 0.5) / (n + 0.5)) floored at 1e-6, avgdl over all rows,
 * each phrase's part summed in phrase order with the same operations as FTS5's C code, so the
 * scores agree to the last bits. A term listed twice counts twice, as two phrases do in FTS5. Rows
 * rank by score, then by chunk id, as {@code order by rank, rowid} does ({@link TopK}); a hit's
 * score is {@code -bm25} (&gt; 0).
 */
final class Bm25 {
  static final double K1 = 1.2;
  static final double B = 0.75;

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
      boolean[] admitted = index.sources.admitted(scope);
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

  /** The k best touched rows as chunk ids with their scores, best first; clears the scores. */
  private static List<Hit> top(long[] ids, double[] scores, int[] touched, int n, int k) {
    TopK top = new TopK(Math.min(k, n));
    for (int i = 0; i < n; i++) {
      int row = touched[i];
      top.offer(scores[row], ids[row]);
      scores[row] = 0.0;
    }
    return List.of(top.sorted());
  }
}
