package dev.localgpt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Keeps text from notes, file names and model replies from driving the terminal: drops C0 and C1
 * control characters (keeping {@code \n}, {@code \t} and the {@code \r} of progress lines), DEL,
 * and every escape sequence (colours, cursor moves, OSC-52 clipboard writes, titles) except "erase
 * to end of line" ({@code ESC [ K}), which the progress bar uses. Sequences split over several
 * writes are handled. Every human-facing writer of the CLI goes through this one class; JSON output
 * needs nothing more (Jackson escapes control characters).
 */
public final class TerminalSafeWriter extends Writer {
  private static final char ESC = '\u001b';

  private enum State {
    TEXT,
    ESCAPE,
    CSI,
    STRING
  }

  private final Writer target;
  private final StringBuilder csi = new StringBuilder();
  private State state = State.TEXT;

  public TerminalSafeWriter(Writer target) {
    this.target = target;
  }

  /** {@code writer} wrapped so that what it prints is safe for a terminal. */
  public static PrintWriter wrap(PrintWriter writer) {
    return new PrintWriter(new TerminalSafeWriter(writer), true);
  }

  /** {@code text} with what {@link TerminalSafeWriter} drops removed. */
  public static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    TerminalSafeWriter writer = new TerminalSafeWriter(Writer.nullWriter());
    for (int i = 0; i < text.length(); i++) {
      writer.accept(text.charAt(i), out);
    }
    return out.toString();
  }

  @Override
  public synchronized void write(char[] buffer, int offset, int length) throws IOException {
    StringBuilder out = new StringBuilder(length);
    for (int i = offset; i < offset + length; i++) {
      accept(buffer[i], out);
    }
    if (!out.isEmpty()) {
      target.write(out.toString());
    }
  }

  private void accept(char c, StringBuilder out) {
    switch (state) {
      case TEXT -> {
        if (c == ESC) {
          state = State.ESCAPE;
        } else if (c == '\u009b') {
          csi.setLength(0);
          state = State.CSI;
        } else if (c == '\u009d' || c == '\u0090' || c == '\u009e' || c == '\u009f') {
          state = State.STRING;
        } else if (printable(c)) {
          out.append(c);
        }
      }
      case ESCAPE -> {
        if (c == '[') {
          csi.setLength(0);
          state = State.CSI;
        } else if (c == ']' || c == 'P' || c == '^' || c == '_' || c == 'X') {
          state = State.STRING; // OSC, DCS, PM, APC, SOS: skipped up to their terminator
        } else {
          state = State.TEXT; // a two-character escape: drop both
        }
      }
      case CSI -> {
        if (c >= 0x40 && c <= 0x7e) {
          if (c == 'K' && csi.isEmpty()) {
            out.append(ESC).append("[K");
          }
          state = State.TEXT;
        } else if (c >= 0x20 && c <= 0x3f && csi.length() < 32) {
          csi.append(c);
        } else {
          state = State.TEXT;
        }
      }
      case STRING -> {
        if (c == '\u0007' || c == '\u009c') {
          state = State.TEXT;
        } else if (c == ESC) {
          state = State.ESCAPE; // ESC \ ends it; anything else starts over
        }
      }
    }
  }

  private static boolean printable(char c) {
    if (c == '\n' || c == '\t' || c == '\r') {
      return true;
    }
    return c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f);
  }

  @Override
  public void flush() throws IOException {
    target.flush();
  }

  @Override
  public void close() throws IOException {
    target.close();
  }
}
