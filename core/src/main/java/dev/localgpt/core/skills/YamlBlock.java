package dev.localgpt.core.skills;

import dev.localgpt.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An indented YAML block of nested maps, {@code - item} lists and flow values (the {@code metadata} of a skill). */
final class YamlBlock {
  private final List<String> lines;
  private int next;

  private YamlBlock(List<String> lines) {
    this.lines = lines.stream().filter(l -> !l.isBlank() && !l.strip().startsWith("#")).toList();
  }

  static Map<String, Object> parse(List<String> lines) {
    YamlBlock block = new YamlBlock(lines);
    if (block.lines.isEmpty()) {
      return Map.of();
    }
    Map<String, Object> map = block.map(indent(block.lines.get(0)));
    if (block.next < block.lines.size()) {
      throw new IllegalArgumentException("bad indentation at '" + block.lines.get(block.next).strip() + "'");
    }
    return map;
  }

  private Map<String, Object> map(int indent) {
    Map<String, Object> map = new LinkedHashMap<>();
    while (next < lines.size() && indent(lines.get(next)) == indent) {
      String line = lines.get(next).strip();
      int colon = line.indexOf(':');
      if (colon <= 0 || line.startsWith("- ")) {
        throw new IllegalArgumentException("expected 'key: value', found '" + line + "'");
      }
      String key = FrontMatter.unquote(line.substring(0, colon).strip());
      String value = FrontMatter.stripComment(line.substring(colon + 1).strip());
      next++;
      if (!value.isEmpty()) {
        map.put(key, scalar(value));
      } else if (next < lines.size() && indent(lines.get(next)) > indent) {
        int inner = indent(lines.get(next));
        map.put(key, lines.get(next).strip().startsWith("-") ? list(inner) : map(inner));
      } else {
        map.put(key, null);
      }
    }
    return map;
  }

  private List<Object> list(int indent) {
    List<Object> list = new ArrayList<>();
    while (next < lines.size() && indent(lines.get(next)) == indent && lines.get(next).strip().startsWith("-")) {
      list.add(scalar(FrontMatter.stripComment(lines.get(next).strip().substring(1).strip())));
      next++;
    }
    return list;
  }

  private static Object scalar(String value) {
    if (value.startsWith("[") || value.startsWith("{")) {
      return Json.parseLenient(value);
    }
    String plain = FrontMatter.unquote(value);
    return switch (plain) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> plain;
    };
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return i;
  }
}
