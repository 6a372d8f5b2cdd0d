package dev.localgpt.core.skills;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A forgiving JSON reader for skill metadata: JSON plus the JSON5 habits seen in SKILL.md files (unquoted keys,
 * single quotes, trailing commas, {@code //} comments) and bare words as strings. Objects become
 * {@code Map<String,Object>}, arrays {@code List<Object>}, other values {@code String}, {@code Boolean},
 * {@code Double} or null.
 */
final class LenientJson {
  private final String text;
  private int pos;

  private LenientJson(String text) {
    this.text = text;
  }

  /** @throws IllegalArgumentException naming the position of the problem */
  static Object parse(String text) {
    LenientJson p = new LenientJson(text);
    Object value = p.value();
    p.skipSpace();
    if (p.pos < text.length()) {
      throw p.error("unexpected '" + text.charAt(p.pos) + "' after the value");
    }
    return value;
  }

  private Object value() {
    skipSpace();
    if (pos >= text.length()) {
      throw error("value expected");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object();
      case '[' -> array();
      case '"', '\'' -> string();
      default -> bare();
    };
  }

  private Map<String, Object> object() {
    pos++;
    Map<String, Object> map = new LinkedHashMap<>();
    while (true) {
      skipSpace();
      if (peek() == '}') {
        pos++;
        return map;
      }
      String key = peek() == '"' || peek() == '\'' ? string() : word();
      if (key.isEmpty()) {
        throw error("object key expected");
      }
      skipSpace();
      if (peek() != ':') {
        throw error("':' expected after key '" + key + "'");
      }
      pos++;
      map.put(key, value());
      if (!separator('}')) {
        throw error("',' or '}' expected");
      }
    }
  }

  private List<Object> array() {
    pos++;
    List<Object> list = new ArrayList<>();
    while (true) {
      skipSpace();
      if (peek() == ']') {
        pos++;
        return list;
      }
      list.add(value());
      if (!separator(']')) {
        throw error("',' or ']' expected");
      }
    }
  }

  /** Consumes a comma (true) or sees the closing bracket without consuming it (true); false otherwise. */
  private boolean separator(char close) {
    skipSpace();
    if (peek() == ',') {
      pos++;
      return true;
    }
    return peek() == close;
  }

  private String string() {
    char quote = text.charAt(pos++);
    StringBuilder out = new StringBuilder();
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == quote) {
        return out.toString();
      }
      if (c == '\\' && pos < text.length()) {
        char e = text.charAt(pos++);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'u' -> {
            if (pos + 4 > text.length()) {
              throw error("bad \\u escape");
            }
            try {
              out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
            } catch (NumberFormatException ex) {
              throw error("bad \\u escape");
            }
            pos += 4;
          }
          default -> out.append(e);
        }
      } else {
        out.append(c);
      }
    }
    throw error("string not closed");
  }

  private Object bare() {
    String word = word();
    if (word.isEmpty()) {
      throw error("unexpected '" + text.charAt(pos) + "'");
    }
    return switch (word) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      case "null" -> null;
      default -> {
        try {
          yield Double.parseDouble(word);
        } catch (NumberFormatException e) {
          yield word;
        }
      }
    };
  }

  private String word() {
    int start = pos;
    while (pos < text.length() && ",:{}[]\"'".indexOf(text.charAt(pos)) < 0 && text.charAt(pos) != '\n') {
      pos++;
    }
    return text.substring(start, pos).strip();
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '/' && pos + 1 < text.length() && text.charAt(pos + 1) == '/') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else {
        return;
      }
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private IllegalArgumentException error(String message) {
    return new IllegalArgumentException(message + " at character " + (pos + 1));
  }
}
