package dev.localgpt.app.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets one key in TOML text by editing lines, so every other line (and the comments) stays as the
 * user wrote it. The key's line is replaced in place (keeping a trailing comment); an absent key is
 * added at the end of its table; an absent table is appended.
 */
final class TomlLineEdit {
  private static final Pattern HEADER = Pattern.compile("^\\s*\\[([^\\[\\]]+)]\\s*(#.*)?$");
  private static final Pattern ARRAY_HEADER = Pattern.compile("^\\s*\\[\\[.*");

  private TomlLineEdit() {}

  /**
   * @param text the file's text ("" for a new file)
   * @param key the dotted key, e.g. {@code heartbeat.active_hours.start}
   * @param tomlValue the value, already TOML text
   */
  static String set(String text, String key, String tomlValue) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    } else if (lines.size() == 1 && lines.get(0).isEmpty()) {
      lines.clear();
    }
    int dot = key.lastIndexOf('.');
    String section = dot < 0 ? "" : key.substring(0, dot);
    String leaf = key.substring(dot + 1);
    String current = "";
    int sectionEnd = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher header = HEADER.matcher(line);
      if (ARRAY_HEADER.matcher(line).matches()) {
        current = "\u0000array";
        continue;
      }
      if (header.matches()) {
        current = normalise(header.group(1));
        continue;
      }
      String rest =
          current.isEmpty()
              ? key
              : key.startsWith(current + ".") ? key.substring(current.length() + 1) : null;
      if (rest != null && keyOf(line).equals(rest)) {
        String indent = line.substring(0, line.length() - line.stripLeading().length());
        String comment = trailingComment(line);
        lines.set(i, indent + rest + " = " + tomlValue + comment);
        return String.join("\n", lines) + "\n";
      }
      if (current.equals(section)
          && !line.isBlank()
          && !(section.isEmpty() && line.strip().startsWith("#"))) {
        sectionEnd = i;
      }
    }
    if (section.isEmpty()) {
      lines.add(0, leaf + " = " + tomlValue);
    } else if (sectionEnd >= 0) {
      lines.add(sectionEnd + 1, leaf + " = " + tomlValue);
    } else {
      if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
        lines.add("");
      }
      lines.add("[" + section + "]");
      lines.add(leaf + " = " + tomlValue);
    }
    return String.join("\n", lines) + "\n";
  }

  /** The (dotted, unquoted) key of a {@code key = value} line, or "" for other lines. */
  static String keyOf(String line) {
    String stripped = line.strip();
    if (stripped.startsWith("#") || stripped.startsWith("[")) {
      return "";
    }
    int equals = stripped.indexOf('=');
    return equals < 0 ? "" : normalise(stripped.substring(0, equals));
  }

  private static String normalise(String dottedKey) {
    StringBuilder out = new StringBuilder();
    for (String part : dottedKey.split("\\.")) {
      String name = part.strip();
      if (name.length() >= 2
          && (name.startsWith("\"") && name.endsWith("\"")
              || name.startsWith("'") && name.endsWith("'"))) {
        name = name.substring(1, name.length() - 1);
      }
      out.append(out.isEmpty() ? "" : ".").append(name);
    }
    return out.toString();
  }

  /**
   * The {@code # comment} at the end of a key/value line (outside strings) with the spaces before
   * it, or "".
   */
  static String trailingComment(String line) {
    int equals = line.indexOf('=');
    char quote = 0;
    for (int i = equals + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#') {
        int start = i;
        while (start > equals + 1 && Character.isWhitespace(line.charAt(start - 1))) {
          start--;
        }
        return line.substring(start);
      }
    }
    return "";
  }
}
