package dev.localgpt.core.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The recursive value reader behind {@link Json}, strict or lenient (see {@link Json#parseLenient}). */
final class JsonReader {
  private static final int MAX_DEPTH = 200;

  private final JsonCursor in;

  private JsonReader(String text, boolean lenient) {
    this.in = new JsonCursor(text, lenient);
  }

  /** Reads the one value that makes up the whole text. */
  static Object read(String text, boolean lenient) {
    if (text == null) {
      throw new JsonException("no JSON text (null)");
    }
    JsonReader reader = new JsonReader(text, lenient);
    Object value = reader.value(0);
    reader.in.skipSpace();
    if (!reader.in.atEnd()) {
      throw reader.in.error("unexpected text after the JSON value");
    }
    return value;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw in.error("nesting deeper than " + MAX_DEPTH);
    }
    in.skipSpace();
    if (in.atEnd()) {
      throw in.error("unexpected end of input");
    }
    char c = in.peek();
    if (c == '{') {
      return object(depth);
    }
    if (c == '[') {
      return array(depth);
    }
    if (c == '"' || (c == '\'' && in.lenient)) {
      return in.string();
    }
    return in.lenient ? bare() : scalar(c);
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    in.pos++;
    while (true) {
      in.skipSpace();
      if (in.peek() == '}' && (in.lenient || map.isEmpty())) {
        in.pos++;
        return map;
      }
      String key = key();
      in.skipSpace();
      if (in.peek() != ':') {
        throw in.error("expected ':' after key '" + key + "'");
      }
      in.pos++;
      map.put(key, value(depth + 1));
      if (closed('}')) {
        return map;
      }
    }
  }

  private String key() {
    char c = in.peek();
    if (c == '"' || (c == '\'' && in.lenient)) {
      return in.string();
    }
    String word = in.lenient ? in.word() : "";
    if (word.isEmpty()) {
      throw in.error(in.lenient ? "expected an object key" : "expected a string key");
    }
    return word;
  }

  private List<Object> array(int depth) {
    List<Object> list = new ArrayList<>();
    in.pos++;
    while (true) {
      in.skipSpace();
      if (in.peek() == ']' && (in.lenient || list.isEmpty())) {
        in.pos++;
        return Collections.unmodifiableList(list);
      }
      list.add(value(depth + 1));
      if (closed(']')) {
        return Collections.unmodifiableList(list);
      }
    }
  }

  /** After an element: true and consumed at the closing bracket, false after a comma, else an error. */
  private boolean closed(char close) {
    in.skipSpace();
    char c = in.peek();
    if (c == ',' || c == close) {
      in.pos++;
      return c == close;
    }
    throw in.error("expected ',' or '" + close + "'");
  }

  private Object scalar(char c) {
    return switch (c) {
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw in.error("unexpected character '" + c + "'");
      }
    };
  }

  private Object literal(String word, Object value) {
    if (!in.text.startsWith(word, in.pos)) {
      throw in.error("expected '" + word + "'");
    }
    in.pos += word.length();
    return value;
  }

  private Object number() {
    int start = in.pos;
    if (in.peek() == '-') {
      in.pos++;
    }
    digits();
    boolean integral = true;
    if (in.peek() == '.') {
      integral = false;
      in.pos++;
      digits();
    }
    if (in.peek() == 'e' || in.peek() == 'E') {
      integral = false;
      in.pos++;
      if (in.peek() == '+' || in.peek() == '-') {
        in.pos++;
      }
      digits();
    }
    String literal = in.text.substring(start, in.pos);
    if (integral) {
      try {
        return Long.parseLong(literal);
      } catch (NumberFormatException tooBig) {
        return Double.parseDouble(literal);
      }
    }
    return Double.parseDouble(literal);
  }

  private void digits() {
    int start = in.pos;
    while (in.pos < in.text.length() && Character.isDigit(in.text.charAt(in.pos))) {
      in.pos++;
    }
    if (in.pos == start) {
      throw in.error("expected a digit");
    }
  }

  /** Lenient only: a bare word is true, false, null, a number (as Double) or else the word itself as a string. */
  private Object bare() {
    String word = in.word();
    if (word.isEmpty()) {
      throw in.error("unexpected character '" + in.peek() + "'");
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
}
