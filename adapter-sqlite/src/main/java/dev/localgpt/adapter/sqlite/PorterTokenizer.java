package dev.localgpt.adapter.sqlite;

import java.nio.charset.StandardCharsets;

/**
 * FTS5's {@code tokenize='porter unicode61'} in Java: {@link Unicode61} splits and folds, {@link
 * PorterStemmer} stems. A term is handed out as its UTF-8 bytes, so that terms compare exactly as
 * FTS5's byte strings do, whatever the stemmer cut. Not thread-safe: one instance per thread.
 */
final class PorterTokenizer {
  /** FTS5 keeps at most this many bytes of a token. */
  static final int MAX_TOKEN_BYTES = 32768;

  /**
   * Receives the terms of a text in order, each in {@code bytes[0..length)} (valid during the
   * call).
   */
  @FunctionalInterface
  interface Sink {
    void term(byte[] bytes, int length);
  }

  private byte[] buf = new byte[128];

  /** Hands every term of {@code text} to {@code sink}; returns how many there were. */
  int tokenize(String text, Sink sink) {
    int count = 0;
    int len = text.length();
    int i = 0;
    while (true) {
      // Skip separators; a diacritic cannot start a token.
      int cp = 0;
      while (i < len) {
        cp = text.codePointAt(i);
        if (cp < 0x80 ? Unicode61.asciiToken(cp) : Unicode61.kind(cp) == Unicode61.TOKEN) {
          break;
        }
        i += Character.charCount(cp);
      }
      if (i >= len) {
        return count;
      }
      int n = 0;
      while (i < len) {
        cp = text.codePointAt(i);
        if (cp < 0x80) {
          if (!Unicode61.asciiToken(cp)) {
            break;
          }
          ensure(n + 1);
          buf[n++] = (byte) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
        } else {
          if (Unicode61.kind(cp) == Unicode61.SEPARATOR) {
            break;
          }
          int folded = Unicode61.fold(cp);
          if (folded != 0) {
            ensure(n + 4);
            n = Unicode61.utf8(folded, buf, n);
          }
        }
        i += Character.charCount(cp);
      }
      ensure(n + 2);
      n = PorterStemmer.stem(buf, n);
      sink.term(buf, Math.min(n, MAX_TOKEN_BYTES));
      count++;
    }
  }

  private void ensure(int size) {
    if (size > buf.length) {
      buf = java.util.Arrays.copyOf(buf, Math.max(size, buf.length * 2));
    }
  }

  /** A term as text (its bytes decoded as UTF-8). */
  static String text(byte[] bytes, int length) {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
