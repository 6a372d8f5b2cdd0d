package dev.localgpt.core.json;

/**
 * Position in JSON text and the lexical pieces both dialects share: white space (plus {@code //} comments when
 * lenient), quoted strings, bare words and errors that name the offset.
 */
final class JsonCursor {
  private static final String WORD_STOPS = ",:{}[]\"'\n";

  final String text;
  final boolean lenient;
  int pos;

  JsonCursor(String text, boolean lenient) {
    this.text = text;
    this.lenient = lenient;
  }

  /** Skips spaces; lenient text also skips any Unicode white space and {@code //} comments to the line end. */
  void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (lenient ? Character.isWhitespace(c) : " \t\r\n".indexOf(c) >= 0) {
        pos++;
      } else if (lenient && text.startsWith("//", pos)) {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  boolean atEnd() {
    return pos >= text.length();
  }

  char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  char next() {
    if (pos >= text.length()) {
      throw error("unexpected end of input");
    }
    return text.charAt(pos++);
  }

  /**
   * Reads a string opened by the quote at the cursor. Strict: double quotes, no raw control characters, only the
   * JSON escapes. Lenient: single or double quotes, raw control characters kept, an unknown escape keeps its
   * character ({@code \'} gives {@code '}).
   */
  String string() {
    char quote = next();
    StringBuilder out = new StringBuilder();
    while (true) {
      if (atEnd()) {
        throw error("unexpected end of input (string not closed)");
      }
      char c = next();
      if (c == quote) {
        return out.toString();
      }
      if (c < 0x20 && !lenient) {
        throw error("control character in string");
      }
      if (c == '\\') {
        escape(out);
      } else {
        out.append(c);
      }
    }
  }

  private void escape(StringBuilder out) {
    char e = next();
    switch (e) {
      case '"', '\\', '/' -> out.append(e);
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'u' -> {
        if (pos + 4 > text.length()) {
          throw error("short \\u escape");
        }
        try {
          out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
        } catch (NumberFormatException ex) {
          throw error("bad \\u escape");
        }
        pos += 4;
      }
      default -> {
        if (!lenient) {
          throw error("bad escape '\\" + e + "'");
        }
        out.append(e);
      }
    }
  }

  /** Lenient only: the text up to the next bracket, comma, colon, quote or line end, stripped. */
  String word() {
    int start = pos;
    while (pos < text.length() && WORD_STOPS.indexOf(text.charAt(pos)) < 0) {
      pos++;
    }
    return text.substring(start, pos).strip();
  }

  JsonException error(String message) {
    return new JsonException("invalid JSON at offset " + pos + ": " + message);
  }
}
