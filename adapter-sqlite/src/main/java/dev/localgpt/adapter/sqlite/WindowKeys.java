package dev.localgpt.adapter.sqlite;

import dev.localgpt.adapter.sqlite.TopK.Hit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The keys of window vectors in the k-NN structures (the Java matrix, {@code chunks_vec}): a
 * chunk's first window is keyed by the chunk id, window {@code n} &gt; 0 (table {@code
 * chunk_windows}) by the chunk id with {@code n} in the bits from {@value #SHIFT} up. A search over
 * keys maps them back to chunks, best window first.
 */
final class WindowKeys {
  static final int SHIFT = 40;
  private static final long CHUNK = (1L << SHIFT) - 1;

  /** The SQL expression of the key of a {@code chunk_windows} row aliased {@code w}. */
  static final String SQL = "(w.chunk_id | (w.n << " + SHIFT + "))";

  private WindowKeys() {}

  static long key(long chunkId, int n) {
    return chunkId | ((long) n << SHIFT);
  }

  static long chunkOf(long key) {
    return key & CHUNK;
  }

  /** The hits (best first) as chunks, each once with its best window's score. */
  static List<Hit> bestPerChunk(List<Hit> hits) {
    Set<Long> seen = new HashSet<>();
    List<Hit> out = new ArrayList<>(hits.size());
    for (Hit h : hits) {
      long chunk = chunkOf(h.id());
      if (seen.add(chunk)) {
        out.add(chunk == h.id() ? h : new Hit(chunk, h.score()));
      }
    }
    return out;
  }
}
