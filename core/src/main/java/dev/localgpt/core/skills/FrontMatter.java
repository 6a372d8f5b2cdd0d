package dev.localgpt.core.skills;

import dev.localgpt.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the YAML front matter subset SKILL.md files use: top-level {@code key: value} lines (quoted or plain,
 * {@code |}/{@code >} block scalars), and {@code metadata} as one-line JSON, multi-line JSON5, or an indented YAML
 * block of maps, {@code - item} lists and {@code [a, b]} flow lists. Unknown keys are kept and ignored by callers.
 */
final class FrontMatter {

  /** The scalar fields, the {@code metadata} map (empty when absent), and the Markdown after the front matter. */
  record Parsed(Map<String, String> fields, Map<String, Object> metadata, String body) {}

  private record Field(int line, String inline, List<String> block) {}

  private FrontMatter() {}

  /** @throws IllegalArgumentException with a one-line reason naming the line */
  static Parsed parse(String content) {
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    text = text.replace("\r\n", "\n");
    String[] lines = text.split("\n", -1);
    if (lines.length == 0 || !lines[0].strip().equals("---")) {
      return new Parsed(Map.of(), Map.of(), text);
    }
    int close = -1;
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].strip().equals("---") || lines[i].strip().equals("...")) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      throw new IllegalArgumentException("front matter starts with '---' but is never closed: add a '---' line");
    }
    Map<String, Field> raw = new LinkedHashMap<>();
    Field current = null;
    for (int i = 1; i < close; i++) {
      String line = lines[i];
      if (line.isBlank() || (!Character.isWhitespace(line.charAt(0)) && line.strip().startsWith("#"))) {
        continue;
      }
      if (Character.isWhitespace(line.charAt(0))) {
        if (current == null) {
          throw new IllegalArgumentException("line " + (i + 1) + ": indented line without a key before it");
        }
        current.block().add(line);
        continue;
      }
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + ": expected 'key: value', found '" + cut(line.strip()) + "'");
      }
      current = new Field(i + 1, line.substring(colon + 1).strip(), new ArrayList<>());
      raw.put(line.substring(0, colon).strip(), current);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Map<String, Object> metadata = Map.of();
    for (Map.Entry<String, Field> e : raw.entrySet()) {
      if (e.getKey().equals("metadata")) {
        metadata = metadata(e.getValue());
      } else {
        fields.put(e.getKey(), scalar(e.getValue()));
      }
    }
    StringBuilder body = new StringBuilder();
    for (int i = close + 1; i < lines.length; i++) {
      body.append(lines[i]).append(i + 1 < lines.length ? "\n" : "");
    }
    return new Parsed(fields, metadata, body.toString());
  }

  private static String scalar(Field f) {
    String inline = f.inline();
    if (inline.startsWith("|") || inline.startsWith(">")) {
      String sep = inline.startsWith("|") ? "\n" : " ";
      return String.join(sep, f.block().stream().map(String::strip).toList()).strip();
    }
    StringBuilder value = new StringBuilder(unquote(stripComment(inline)));
    for (String more : f.block()) {
      value.append(value.isEmpty() ? "" : " ").append(more.strip());
    }
    return value.toString();
  }

  private static Map<String, Object> metadata(Field f) {
    String joined = (f.inline() + "\n" + String.join("\n", f.block())).strip();
    if (joined.isEmpty()) {
      return Map.of();
    }
    try {
      if (joined.startsWith("{")) {
        return Json.parseLenientObject(joined);
      }
      if (f.inline().isEmpty()) {
        return YamlBlock.parse(f.block());
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("line " + f.line() + ": 'metadata' is malformed: " + e.getMessage());
    }
    throw new IllegalArgumentException(
        "line " + f.line() + ": 'metadata' must be a JSON object or an indented block, found '" + cut(joined) + "'");
  }

  static String stripComment(String value) {
    if (value.startsWith("\"") || value.startsWith("'")) {
      return value;
    }
    int hash = value.indexOf(" #");
    return hash >= 0 ? value.substring(0, hash).strip() : value;
  }

  static String unquote(String value) {
    if (value.length() >= 2) {
      char first = value.charAt(0);
      char last = value.charAt(value.length() - 1);
      if (first == '"' && last == '"') {
        return value.substring(1, value.length() - 1).replace("\\\"", "\"").replace("\\n", "\n")
            .replace("\\\\", "\\");
      }
      if (first == '\'' && last == '\'') {
        return value.substring(1, value.length() - 1).replace("''", "'");
      }
    }
    return value;
  }

  private static String cut(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
