package dev.localgpt.core.agent.tools;

import java.util.Arrays;
import java.util.List;

/** The lines of a file as the reading tools show them: numbered {@code %4d\t}, 1-based. */
final class NumberedLines {
  private NumberedLines() {}

  /**
   * The text's lines (LF or CRLF); a final line ending does not start another line; empty text has
   * none.
   */
  static List<String> split(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    String[] lines = text.split("\r?\n", -1);
    int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
    return Arrays.asList(lines).subList(0, count);
  }

  /**
   * Appends lines {@code from} (inclusive) to {@code end} (exclusive), 0-based, each numbered from
   * 1.
   */
  static StringBuilder append(StringBuilder out, List<String> lines, int from, int end) {
    for (int i = from; i < end; i++) {
      out.append(String.format("%4d\t", i + 1)).append(lines.get(i)).append('\n');
    }
    return out;
  }
}
