package dev.localgpt.app.config;

import dev.localgpt.core.config.ConfigKey;
import dev.localgpt.core.config.ValueType;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Turns a value typed on the command line into TOML text for a key of a given type. */
final class TomlValues {
  private TomlValues() {}

  /**
   * @throws IllegalArgumentException saying what was expected
   */
  static String format(ConfigKey key, String raw) {
    String value = raw.strip();
    return switch (key.type()) {
      case STRING, DURATION, TIME -> quote(raw);
      case INTEGER -> {
        try {
          yield Long.toString(Long.parseLong(value.replace("_", "")));
        } catch (NumberFormatException e) {
          throw expected(key, raw);
        }
      }
      case FLOAT -> {
        try {
          yield Double.toString(Double.parseDouble(value));
        } catch (NumberFormatException e) {
          throw expected(key, raw);
        }
      }
      case BOOLEAN ->
          switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> "true";
            case "false", "no", "off" -> "false";
            default -> throw expected(key, raw);
          };
      case STRING_LIST ->
          value.startsWith("[")
              ? value
              : value.isEmpty()
                  ? "[]"
                  : Arrays.stream(value.split(","))
                      .map(String::strip)
                      .map(TomlValues::quote)
                      .collect(Collectors.joining(", ", "[", "]"));
      case TABLE_LIST ->
          throw new IllegalArgumentException(
              "cannot be set from the command line (edit config.toml; it expects "
                  + ValueType.TABLE_LIST.expected()
                  + ")");
    };
  }

  private static IllegalArgumentException expected(ConfigKey key, String raw) {
    return new IllegalArgumentException(
        "expected " + key.type().expected() + ", got '" + raw + "'");
  }

  /** A TOML basic string. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
