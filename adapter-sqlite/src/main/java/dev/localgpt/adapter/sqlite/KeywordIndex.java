package dev.localgpt.adapter.sqlite;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An inverted index of the chunks' text in primitive arrays, tokenized as FTS5's {@code porter
 * unicode61}: per term the rows holding it with their term frequency (one int each: the row number
 * shifted left 8 bits, the frequency in the low 8, 255 meaning "look in the overflow map"), per row
 * its chunk id, token count and source code. Deleted rows are marked and skipped until a compaction
 * drops them. Updates are idempotent (removing an absent id is a no-op, adding a present id
 * replaces it). {@link Bm25} scores it. Thread-safe: one writer or many readers at a time.
 */
final class KeywordIndex {
  private static final int MAX_ROWS = 1 << 23;
  private static final int TF_OVERFLOW = 255;

  final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  final TermTable terms = new TermTable();
  int[][] postings = new int[0][];
  int[] postingCounts = new int[0];
  final Map<Long, Integer> bigTf = new HashMap<>();

  long[] chunkIds = new long[0];

  /** Tokens per row; -1 marks a deleted row. */
  int[] lengths = new int[0];

  int[] sourceCodes = new int[0];
  int rows;
  int liveRows;
  long totalTokens;
  final SourceCodes sources = new SourceCodes();
  private final Map<Long, Integer> rowByChunk = new HashMap<>();
  private int deadRows;
  private int[] scratch = new int[256];

  /** Adds (or replaces) a chunk. */
  void add(long chunkId, String source, String text, PorterTokenizer tokenizer) {
    lock.writeLock().lock();
    try {
      remove(chunkId);
      if (rows == MAX_ROWS) {
        compact();
        if (rows == MAX_ROWS) {
          throw new IllegalStateException("keyword index: more than " + MAX_ROWS + " chunks");
        }
      }
      if (rows == chunkIds.length) {
        int capacity = Math.max(64, rows + (rows >> 1));
        chunkIds = Arrays.copyOf(chunkIds, capacity);
        lengths = Arrays.copyOf(lengths, capacity);
        sourceCodes = Arrays.copyOf(sourceCodes, capacity);
      }
      int row = rows++;
      int[] n = {0};
      tokenizer.tokenize(
          text,
          (bytes, length) -> {
            if (n[0] == scratch.length) {
              scratch = Arrays.copyOf(scratch, n[0] * 2);
            }
            scratch[n[0]++] = termId(bytes, length);
          });
      Arrays.sort(scratch, 0, n[0]);
      for (int i = 0; i < n[0]; ) {
        int term = scratch[i];
        int j = i;
        while (j < n[0] && scratch[j] == term) {
          j++;
        }
        post(term, row, j - i);
        i = j;
      }
      chunkIds[row] = chunkId;
      lengths[row] = n[0];
      sourceCodes[row] = sources.code(source);
      rowByChunk.put(chunkId, row);
      totalTokens += n[0];
      liveRows++;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Removes the chunks with these ids (ids it does not hold are ignored). */
  void removeAll(List<Long> chunkIdList) {
    lock.writeLock().lock();
    try {
      for (long id : chunkIdList) {
        remove(id);
      }
      if (deadRows > 1024 && deadRows > liveRows / 4) {
        compact();
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  int size() {
    lock.readLock().lock();
    try {
      return liveRows;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Term frequency of posting {@code p} of term {@code term}. */
  int tf(int term, int p) {
    int tf = p & 0xFF;
    return tf < TF_OVERFLOW ? tf : bigTf.get(((long) term << 32) | (p >>> 8));
  }

  private void remove(long chunkId) {
    Integer row = rowByChunk.remove(chunkId);
    if (row != null) {
      totalTokens -= lengths[row];
      lengths[row] = -1;
      liveRows--;
      deadRows++;
    }
  }

  private int termId(byte[] bytes, int length) {
    int before = terms.size();
    int next = terms.add(bytes, length);
    if (next < before) {
      return next;
    }
    if (next == postings.length) {
      int capacity = Math.max(1024, next + (next >> 1));
      postings = Arrays.copyOf(postings, capacity);
      postingCounts = Arrays.copyOf(postingCounts, capacity);
    }
    postings[next] = new int[2];
    return next;
  }

  private void post(int term, int row, int tf) {
    int[] list = postings[term];
    int count = postingCounts[term];
    if (count == list.length) {
      list = Arrays.copyOf(list, count + Math.max(2, count >> 1));
      postings[term] = list;
    }
    list[count] = (row << 8) | Math.min(tf, TF_OVERFLOW);
    postingCounts[term] = count + 1;
    if (tf >= TF_OVERFLOW) {
      bigTf.put(((long) term << 32) | row, tf);
    }
  }

  /** Compacts the index (after a bulk load: trims every posting list to its length). */
  void trim() {
    lock.writeLock().lock();
    try {
      compact();
      terms.trim();
      postings = Arrays.copyOf(postings, Math.max(1, terms.size()));
      postingCounts = Arrays.copyOf(postingCounts, Math.max(1, terms.size()));
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Drops deleted rows and their postings, renumbering the rest; trims the posting lists. */
  private void compact() {
    int[] newRow = new int[rows];
    int live = 0;
    for (int r = 0; r < rows; r++) {
      newRow[r] = lengths[r] < 0 ? -1 : live++;
    }
    Map<Long, Integer> big = new HashMap<>(bigTf);
    bigTf.clear();
    int termCount = terms.size();
    for (int t = 0; t < termCount; t++) {
      int[] list = postings[t];
      int kept = 0;
      for (int i = 0; i < postingCounts[t]; i++) {
        int p = list[i];
        int to = newRow[p >>> 8];
        if (to >= 0) {
          list[kept++] = (to << 8) | (p & 0xFF);
          if ((p & 0xFF) == TF_OVERFLOW) {
            bigTf.put(((long) t << 32) | to, big.get(((long) t << 32) | (p >>> 8)));
          }
        }
      }
      postings[t] = kept == list.length ? list : Arrays.copyOf(list, kept);
      postingCounts[t] = kept;
    }
    for (int r = 0; r < rows; r++) {
      int to = newRow[r];
      if (to >= 0) {
        chunkIds[to] = chunkIds[r];
        lengths[to] = lengths[r];
        sourceCodes[to] = sourceCodes[r];
        rowByChunk.put(chunkIds[to], to);
      }
    }
    rows = live;
    deadRows = 0;
  }

  /** An estimate of the heap the index holds, in bytes (arrays and map entries). */
  long heapBytes() {
    lock.readLock().lock();
    try {
      long bytes = 16L + postings.length * 8L + postingCounts.length * 4L + terms.heapBytes();
      for (int t = 0; t < terms.size(); t++) {
        bytes += 16 + postings[t].length * 4L;
      }
      bytes += chunkIds.length * 16L + rowByChunk.size() * 80L + bigTf.size() * 80L;
      return bytes;
    } finally {
      lock.readLock().unlock();
    }
  }
}
