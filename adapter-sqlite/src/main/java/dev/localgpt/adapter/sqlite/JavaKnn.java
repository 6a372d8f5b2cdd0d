package dev.localgpt.adapter.sqlite;

import dev.localgpt.adapter.sqlite.TopK.Hit;
import dev.localgpt.ports.memory.SearchScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Brute-force cosine k-NN over one contiguous {@code float[]} matrix held in memory. Rows are appended on insert and
 * swap-removed on delete; each row keeps its inverse norm and an interned source code for scope filtering. Updates are
 * idempotent (removing an absent id is a no-op, adding a present id replaces it), so applying a committed change twice
 * is harmless.
 */
final class JavaKnn {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<Long, Integer> rowById = new HashMap<>();
  private final Map<String, Integer> codeBySource = new HashMap<>();
  private final List<String> sources = new ArrayList<>();
  private int dim;
  private float[] data = new float[0];
  private float[] invNorms = new float[0];
  private long[] ids = new long[0];
  private int[] sourceCodes = new int[0];
  private int size;
  private volatile boolean loaded;

  /** One stored vector. */
  record Row(long id, String source, float[] vector) {}

  void reset(int dimension) {
    lock.writeLock().lock();
    try {
      dim = dimension;
      size = 0;
      rowById.clear();
      data = new float[0];
      invNorms = new float[0];
      ids = new long[0];
      sourceCodes = new int[0];
      loaded = true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Drops the matrix; it is loaded again from the table on first use. */
  void unload() {
    reset(0);
    loaded = false;
  }

  /** Whether the matrix mirrors the table (false until the first {@link #reset}, i.e. the lazy load). */
  boolean isLoaded() {
    return loaded;
  }

  int size() {
    lock.readLock().lock();
    try {
      return size;
    } finally {
      lock.readLock().unlock();
    }
  }

  void apply(List<Long> removed, List<Row> added) {
    lock.writeLock().lock();
    try {
      for (long id : removed) {
        remove(id);
      }
      for (Row row : added) {
        remove(row.id());
        append(row);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void remove(long id) {
    Integer row = rowById.remove(id);
    if (row == null) {
      return;
    }
    int last = size - 1;
    if (row != last) {
      System.arraycopy(data, last * dim, data, row * dim, dim);
      invNorms[row] = invNorms[last];
      ids[row] = ids[last];
      sourceCodes[row] = sourceCodes[last];
      rowById.put(ids[row], row);
    }
    size = last;
  }

  private void append(Row row) {
    float[] v = row.vector();
    if (size == 0 && rowById.isEmpty() && dim == 0) {
      dim = v.length;
    }
    if (v.length != dim) {
      throw new IllegalArgumentException("vector dimension " + v.length + " does not match the index (" + dim + ")");
    }
    if (size == ids.length) {
      int capacity = Math.max(16, size + (size >> 1));
      data = Arrays.copyOf(data, capacity * dim);
      invNorms = Arrays.copyOf(invNorms, capacity);
      ids = Arrays.copyOf(ids, capacity);
      sourceCodes = Arrays.copyOf(sourceCodes, capacity);
    }
    System.arraycopy(v, 0, data, size * dim, dim);
    invNorms[size] = inverseNorm(v, 0, dim);
    ids[size] = row.id();
    sourceCodes[size] = codeBySource.computeIfAbsent(row.source(), s -> {
      sources.add(s);
      return sources.size() - 1;
    });
    rowById.put(row.id(), size);
    size++;
  }

  /** The {@code k} rows most similar to {@code query} among the sources {@code scope} admits, best first. */
  Hit[] search(float[] query, int k, SearchScope scope) {
    lock.readLock().lock();
    try {
      if (size == 0 || k <= 0) {
        return new Hit[0];
      }
      if (query.length != dim) {
        throw new IllegalArgumentException(
            "query dimension " + query.length + " does not match the index (" + dim + ")");
      }
      boolean[] admitted = new boolean[sources.size()];
      boolean all = true;
      for (int i = 0; i < admitted.length; i++) {
        admitted[i] = scope.admits(sources.get(i));
        all &= admitted[i];
      }
      float qInv = inverseNorm(query, 0, dim);
      TopK top = new TopK(k);
      scan(query, qInv, 0, size, all ? null : admitted, top);
      return top.sorted();
    } finally {
      lock.readLock().unlock();
    }
  }

  private void scan(float[] q, float qInv, int from, int to, boolean[] admitted, TopK top) {
    final float[] m = data;
    final int d = dim;
    for (int row = from; row < to; row++) {
      if (admitted != null && !admitted[sourceCodes[row]]) {
        continue;
      }
      float score = dot(q, m, row * d, d) * invNorms[row] * qInv;
      if (score > top.threshold() || score == top.threshold()) {
        top.offer(score, ids[row]);
      }
    }
  }

  /** Dot product with eight independent accumulators so the JIT can pipeline the multiply-adds. */
  static float dot(float[] q, float[] m, int offset, int d) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    int i = 0;
    for (; i + 7 < d; i += 8) {
      int o = offset + i;
      s0 += q[i] * m[o];
      s1 += q[i + 1] * m[o + 1];
      s2 += q[i + 2] * m[o + 2];
      s3 += q[i + 3] * m[o + 3];
      s4 += q[i + 4] * m[o + 4];
      s5 += q[i + 5] * m[o + 5];
      s6 += q[i + 6] * m[o + 6];
      s7 += q[i + 7] * m[o + 7];
    }
    for (; i < d; i++) {
      s0 += q[i] * m[offset + i];
    }
    return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
  }

  private static float inverseNorm(float[] v, int offset, int d) {
    float n = dot(v, v, offset, d);
    return n > 0 ? (float) (1.0 / Math.sqrt(n)) : 0f;
  }
}
