package dev.localgpt.adapter.sqlite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * FTS5's {@code unicode61} tokenizer with its defaults (categories {@code L* N* Co},
 * remove_diacritics=1): a token is a run of token characters, folded to lower case without simple
 * diacritics, as UTF-8 bytes. Outside ASCII, which character is what comes from {@code
 * unicode61.txt}, a table written from SQLite itself ({@code Unicode61TableGenerator} in the
 * tests), because SQLite's Unicode tables (6.1) are older than the JDK's.
 *
 * <p>A diacritic ({@code d} in the table) continues a token but never starts one, and is dropped by
 * the fold, as in SQLite.
 */
final class Unicode61 {
  static final byte SEPARATOR = 0;
  static final byte TOKEN = 1;
  static final byte DIACRITIC = 2;

  private static final int[] RANGE_FIRST;
  private static final int[] RANGE_LAST;
  private static final byte[] RANGE_KIND;
  private static final int[] FOLD_FROM;
  private static final int[] FOLD_TO;

  static {
    List<int[]> ranges = new ArrayList<>();
    List<int[]> folds = new ArrayList<>();
    InputStream in = Unicode61.class.getResourceAsStream("unicode61.txt");
    if (in == null) {
      throw new IllegalStateException("unicode61.txt is missing from adapter-sqlite; rebuild it");
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String[] f = line.split(" ");
        if (f[0].equals("c")) {
          ranges.add(new int[] {hex(f[1]), hex(f[2]), f[3].equals("a") ? TOKEN : DIACRITIC});
        } else if (f[0].equals("f")) {
          folds.add(new int[] {hex(f[1]), hex(f[2])});
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read unicode61.txt: " + e.getMessage(), e);
    }
    RANGE_FIRST = ranges.stream().mapToInt(a -> a[0]).toArray();
    RANGE_LAST = ranges.stream().mapToInt(a -> a[1]).toArray();
    RANGE_KIND = new byte[ranges.size()];
    for (int i = 0; i < RANGE_KIND.length; i++) {
      RANGE_KIND[i] = (byte) ranges.get(i)[2];
    }
    FOLD_FROM = folds.stream().mapToInt(a -> a[0]).toArray();
    FOLD_TO = folds.stream().mapToInt(a -> a[1]).toArray();
  }

  private Unicode61() {}

  private static int hex(String s) {
    return Integer.parseInt(s, 16);
  }

  /** Whether the ASCII character {@code c} is a token character (letters and digits). */
  static boolean asciiToken(int c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
  }

  /** {@link #SEPARATOR}, {@link #TOKEN} or {@link #DIACRITIC} for a code point outside ASCII. */
  static byte kind(int cp) {
    int lo = 0;
    int hi = RANGE_FIRST.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (cp < RANGE_FIRST[mid]) {
        hi = mid - 1;
      } else if (cp > RANGE_LAST[mid]) {
        lo = mid + 1;
      } else {
        return RANGE_KIND[mid];
      }
    }
    return SEPARATOR;
  }

  /** What a token character outside ASCII folds to; 0 when it is dropped. */
  static int fold(int cp) {
    int lo = 0;
    int hi = FOLD_FROM.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (cp < FOLD_FROM[mid]) {
        hi = mid - 1;
      } else if (cp > FOLD_FROM[mid]) {
        lo = mid + 1;
      } else {
        return FOLD_TO[mid];
      }
    }
    return cp;
  }

  /** Appends the UTF-8 bytes of {@code cp} to {@code buf} at {@code n}; returns the new length. */
  static int utf8(int cp, byte[] buf, int n) {
    if (cp < 0x80) {
      buf[n++] = (byte) cp;
    } else if (cp < 0x800) {
      buf[n++] = (byte) (0xC0 | (cp >> 6));
      buf[n++] = (byte) (0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      buf[n++] = (byte) (0xE0 | (cp >> 12));
      buf[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      buf[n++] = (byte) (0x80 | (cp & 0x3F));
    } else {
      buf[n++] = (byte) (0xF0 | (cp >> 18));
      buf[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
      buf[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      buf[n++] = (byte) (0x80 | (cp & 0x3F));
    }
    return n;
  }
}
