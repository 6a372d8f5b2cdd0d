package dev.localgpt.ports.json;

import java.util.Map;

/**
 * The compact JSON text of a value (what {@code toString()} gives): no spaces, fields in order,
 * strings escaped.
 */
final class JsonText {
  private JsonText() {}

  static String write(JsonValue value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(JsonValue value, StringBuilder out) {
    switch (value) {
      case JsonObject o -> {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> e : o.fields().entrySet()) {
          out.append(first ? "" : ",");
          first = false;
          quote(e.getKey(), out);
          out.append(':');
          write(e.getValue(), out);
        }
        out.append('}');
      }
      case JsonArray a -> {
        out.append('[');
        for (int i = 0; i < a.size(); i++) {
          out.append(i == 0 ? "" : ",");
          write(a.get(i), out);
        }
        out.append(']');
      }
      case JsonString s -> quote(s.value(), out);
      default -> out.append(value);
    }
  }

  private static void quote(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
