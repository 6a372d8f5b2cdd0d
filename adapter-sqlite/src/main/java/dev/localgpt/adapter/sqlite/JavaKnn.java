package dev.localgpt.adapter.sqlite;

import dev.localgpt.adapter.sqlite.TopK.Hit;
import dev.localgpt.ports.memory.SearchScope;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Brute-force cosine k-NN over one contiguous matrix held in memory, each vector in half precision
 * (IEEE binary16: half the memory of floats, 7.7 MB per 10,000 vectors of 384 dimensions, and
 * cosines within ~1e-5 of the float ones). Rows are appended on insert and swap-removed on delete;
 * each row keeps its inverse norm and an interned source code for scope filtering. Updates are
 * idempotent (removing an absent id is a no-op, adding a present id replaces it), so applying a
 * committed change twice is harmless.
 *
 * <p>A search scans int8 codes of the rows ({@link DotProducts}, half the time of the float scan)
 * for the {@link #RERANK} &times; k best approximate scores, then scores those candidates with the
 * half-precision vectors: the result is the top k of that scoring unless a true neighbour falls
 * outside the candidate list.
 */
final class JavaKnn {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<Long, Integer> rowById = new HashMap<>();
  private final SourceCodes sources = new SourceCodes();
  private int dim;
  private short[] halves = new short[0];

  /**
   * How far a score can be from the float cosine: each half-precision component is within a
   * relative 2^-11 of the float, so by Cauchy-Schwarz the dot product of unit vectors is within
   * 2^-11 (typically ~1e-5).
   */
  static final double MAX_SCORE_ERROR = 0x1p-11;

  /** Candidates per wanted hit that the int8 scan hands to the half-precision re-ranking. */
  static final int RERANK = 4;

  private static final int MIN_CANDIDATES = 32;
  private float[] invNorms = new float[0];
  private byte[] codes = new byte[0];

  /**
   * Per row: the code's scale times the row's inverse norm, so the approximate cosine is {@code dot
   * × factor}.
   */
  private float[] codeFactors = new float[0];

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
      halves = new short[0];
      invNorms = new float[0];
      codes = new byte[0];
      codeFactors = new float[0];
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

  /**
   * Whether the matrix mirrors the table (false until the first {@link #reset}, i.e. the lazy
   * load).
   */
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
      System.arraycopy(halves, last * dim, halves, row * dim, dim);
      System.arraycopy(codes, last * dim, codes, row * dim, dim);
      codeFactors[row] = codeFactors[last];
      invNorms[row] = invNorms[last];
      ids[row] = ids[last];
      sourceCodes[row] = sourceCodes[last];
      rowById.put(ids[row], row);
    }
    size = last;
  }

  /**
   * Makes room for {@code rows} rows at once, so a bulk load of a known number of vectors allocates
   * the matrix once instead of growing it by half again and again (each step left the old arrays
   * behind as garbage that the heap grew to hold: ~2× the matrix).
   */
  void reserve(int rows) {
    lock.writeLock().lock();
    try {
      if (rows > ids.length && dim > 0) {
        resize(rows);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Rows the matrix has room for (for tests). */
  int capacity() {
    lock.readLock().lock();
    try {
      return ids.length;
    } finally {
      lock.readLock().unlock();
    }
  }

  private void resize(int capacity) {
    halves = Arrays.copyOf(halves, capacity * dim);
    codes = Arrays.copyOf(codes, capacity * dim);
    codeFactors = Arrays.copyOf(codeFactors, capacity);
    invNorms = Arrays.copyOf(invNorms, capacity);
    ids = Arrays.copyOf(ids, capacity);
    sourceCodes = Arrays.copyOf(sourceCodes, capacity);
  }

  private void append(Row row) {
    float[] v = row.vector();
    if (size == 0 && rowById.isEmpty() && dim == 0) {
      dim = v.length;
    }
    if (v.length != dim) {
      throw new IllegalArgumentException(
          "vector dimension " + v.length + " does not match the index (" + dim + ")");
    }
    if (size == ids.length) {
      resize(Math.max(16, size + (size >> 1)));
    }
    DotProducts.toHalves(v, halves, size * dim);
    invNorms[size] = DotProducts.inverseNorm(v, 0, dim);
    codeFactors[size] = DotProducts.encode(v, 0, dim, codes, size * dim) * invNorms[size];
    ids[size] = row.id();
    sourceCodes[size] = sources.code(row.source());
    rowById.put(row.id(), size);
    size++;
  }

  /**
   * The {@code k} rows most similar to {@code query} among the sources {@code scope} admits, best
   * first.
   */
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
      boolean[] admitted = sources.admitted(scope);
      boolean all = true;
      for (boolean a : admitted) {
        all &= a;
      }
      float qInv = DotProducts.inverseNorm(query, 0, dim);
      TopK top = new TopK(k);
      int candidates = Math.max(MIN_CANDIDATES, k * RERANK);
      if (size <= candidates) {
        scan(query, qInv, 0, size, all ? null : admitted, top);
      } else {
        rerank(query, qInv, roughScan(query, candidates, all ? null : admitted), top);
      }
      return top.sorted();
    } finally {
      lock.readLock().unlock();
    }
  }

  private void scan(float[] q, float qInv, int from, int to, boolean[] admitted, TopK top) {
    final short[] m = halves;
    final int d = dim;
    for (int row = from; row < to; row++) {
      if (admitted != null && !admitted[sourceCodes[row]]) {
        continue;
      }
      float score = DotProducts.dot(q, m, row * d, d) * invNorms[row] * qInv;
      if (score > top.threshold() || score == top.threshold()) {
        top.offer(score, ids[row]);
      }
    }
  }

  /**
   * The {@code n} rows with the best approximate cosine, as row numbers in a TopK's ids. The scores
   * go to an array first and only those at or above the n-th best reach the heap ({@link
   * FloatSelection}): offered one by one, rows whose scores rise along the scan each cost a sift.
   */
  private TopK roughScan(float[] query, int n, boolean[] admitted) {
    byte[] q = new byte[dim];
    DotProducts.encode(query, 0, dim, q, 0);
    final byte[] m = codes;
    final float[] factors = codeFactors;
    final int d = dim;
    float[] scores = new float[size];
    int scored = 0;
    for (int row = 0; row < size; row++) {
      if (admitted != null && !admitted[sourceCodes[row]]) {
        scores[row] = Float.NEGATIVE_INFINITY;
      } else {
        scores[row] = DotProducts.dot(q, m, row * d, d) * factors[row];
        scored++;
      }
    }
    // rows left out score -infinity, below any n-th best of the rows scored
    float cut =
        scored <= n ? Float.NEGATIVE_INFINITY : FloatSelection.nthLargest(scores.clone(), size, n);
    TopK rough = new TopK(n);
    for (int row = 0; row < size; row++) {
      float score = scores[row];
      if (score >= cut && score != Float.NEGATIVE_INFINITY) {
        rough.offer(score, row);
      }
    }
    return rough;
  }

  /**
   * Scores the candidate rows of {@code rough} with their half-precision vectors into {@code top}.
   */
  private void rerank(float[] q, float qInv, TopK rough, TopK top) {
    for (Hit candidate : rough.sorted()) {
      int row = (int) candidate.id();
      top.offer(DotProducts.dot(q, halves, row * dim, dim) * invNorms[row] * qInv, ids[row]);
    }
  }
}
