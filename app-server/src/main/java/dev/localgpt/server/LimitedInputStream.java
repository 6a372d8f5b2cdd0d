package dev.localgpt.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/** Reads at most {@code max} bytes; one byte more throws the given exception (a 413). */
final class LimitedInputStream extends FilterInputStream {
  private final long max;
  private final Supplier<? extends RuntimeException> tooLarge;
  private long read;

  LimitedInputStream(InputStream in, long max, Supplier<? extends RuntimeException> tooLarge) {
    super(in);
    this.max = max;
    this.tooLarge = tooLarge;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  private void count(int n) {
    read += n;
    if (read > max) {
      throw tooLarge.get();
    }
  }
}
