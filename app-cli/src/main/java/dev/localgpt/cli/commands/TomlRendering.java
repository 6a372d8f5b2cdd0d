package dev.localgpt.cli.commands;

import dev.localgpt.core.config.ConfigSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders effective config values as TOML text for {@code config show} and {@code config get}. */
final class TomlRendering {
  private TomlRendering() {}

  /** The whole view grouped into {@code [section]} tables. */
  static String document(Map<String, Object> flat) {
    Map<String, Map<String, Object>> sections = new LinkedHashMap<>();
    flat.forEach(
        (key, value) -> {
          String section = ConfigSchema.find(key).map(k -> k.section()).orElse("");
          String leaf = key.substring(section.isEmpty() ? 0 : section.length() + 1);
          sections.computeIfAbsent(section, s -> new LinkedHashMap<>()).put(leaf, value);
        });
    StringBuilder text = new StringBuilder();
    sections.forEach(
        (section, values) -> {
          if (!text.isEmpty()) {
            text.append('\n');
          }
          text.append('[').append(section).append("]\n");
          values.forEach(
              (leaf, value) -> text.append(leaf).append(" = ").append(value(value)).append('\n'));
        });
    return text.toString();
  }

  /** One value in TOML syntax. */
  static String value(Object value) {
    return switch (value) {
      case String s -> quote(s);
      case List<?> list ->
          list.stream().map(TomlRendering::value).collect(Collectors.joining(", ", "[", "]"));
      case Map<?, ?> map ->
          map.entrySet().stream()
              .map(e -> e.getKey() + " = " + value(e.getValue()))
              .sorted()
              .collect(Collectors.joining(", ", "{ ", " }"));
      default -> String.valueOf(value);
    };
  }

  private static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }
}
