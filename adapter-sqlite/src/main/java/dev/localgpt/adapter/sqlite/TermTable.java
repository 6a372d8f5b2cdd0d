package dev.localgpt.adapter.sqlite;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The keyword index's terms (byte strings) and their ids 0, 1, 2, ... in insertion order, in an
 * open-addressing hash table over one byte arena: about 20 bytes per term, and no object per token
 * looked up (a bulk load tokenizes millions). Not thread-safe; {@link KeywordIndex} guards it.
 */
final class TermTable {
  private byte[] arena = new byte[1 << 12];
  private int arenaSize;
  private int[] ends = new int[256];
  private int[] hashes = new int[256];
  private int size;
  private int[] slots = filled(new int[512]);

  int size() {
    return size;
  }

  /** The id of the term {@code b[0..n)}, or -1 when it is not there. */
  int find(byte[] b, int n) {
    int h = hash(b, n);
    int mask = slots.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int id = slots[i];
      if (id < 0) {
        return -1;
      }
      if (hashes[id] == h && same(id, b, n)) {
        return id;
      }
    }
  }

  /** The id of the term {@code b[0..n)}, added if it is new. */
  int add(byte[] b, int n) {
    int h = hash(b, n);
    int mask = slots.length - 1;
    int i = h & mask;
    for (; ; i = (i + 1) & mask) {
      int id = slots[i];
      if (id < 0) {
        break;
      }
      if (hashes[id] == h && same(id, b, n)) {
        return id;
      }
    }
    if (size == ends.length) {
      ends = Arrays.copyOf(ends, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    if (arenaSize + n > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arenaSize + n, arena.length * 2));
    }
    System.arraycopy(b, 0, arena, arenaSize, n);
    arenaSize += n;
    int id = size++;
    ends[id] = arenaSize;
    hashes[id] = h;
    slots[i] = id;
    if (size * 2 > slots.length) {
      rehash(slots.length * 2);
    }
    return id;
  }

  /** The term with id {@code id} as text (for tests and messages). */
  String text(int id) {
    int start = id == 0 ? 0 : ends[id - 1];
    return new String(arena, start, ends[id] - start, StandardCharsets.UTF_8);
  }

  /** Frees the unused tails of the arrays (after a bulk load). */
  void trim() {
    arena = Arrays.copyOf(arena, arenaSize);
    ends = Arrays.copyOf(ends, Math.max(1, size));
    hashes = Arrays.copyOf(hashes, Math.max(1, size));
  }

  long heapBytes() {
    return 48L + arena.length + ends.length * 4L + hashes.length * 4L + slots.length * 4L;
  }

  private boolean same(int id, byte[] b, int n) {
    int start = id == 0 ? 0 : ends[id - 1];
    return ends[id] - start == n && Arrays.equals(arena, start, start + n, b, 0, n);
  }

  private void rehash(int capacity) {
    slots = filled(new int[capacity]);
    int mask = capacity - 1;
    for (int id = 0; id < size; id++) {
      int i = hashes[id] & mask;
      while (slots[i] >= 0) {
        i = (i + 1) & mask;
      }
      slots[i] = id;
    }
  }

  private static int hash(byte[] b, int n) {
    int h = 0x811C9DC5;
    for (int i = 0; i < n; i++) {
      h = (h ^ b[i]) * 0x01000193;
    }
    return h ^ (h >>> 16);
  }

  private static int[] filled(int[] a) {
    Arrays.fill(a, -1);
    return a;
  }
}
