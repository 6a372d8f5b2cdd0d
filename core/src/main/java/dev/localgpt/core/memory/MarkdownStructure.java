package dev.localgpt.core.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line-level Markdown structure for the chunker: where a cut may go and how good it is, and the
 * heading path at each line. Understands ATX and setext headings and fenced code blocks (backticks
 * or tildes); a {@code #} inside a fence is code, not a heading.
 */
final class MarkdownStructure {
  /** No cut allowed before this line (inside a fence, or a setext underline). */
  static final byte NONE = 0;

  /** Cut between two lines. */
  static final byte LINE = 1;

  /** Cut at a paragraph (or fence) start. */
  static final byte PARAGRAPH = 2;

  /** Cut before a heading. */
  static final byte HEADING = 3;

  private static final Pattern ATX =
      Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
  private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");
  private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");

  private record Heading(int level, String label) {}

  final byte[] cutPriority;
  final String[] headingPath;
  final boolean[] blank;

  MarkdownStructure(List<String> lines) {
    int n = lines.size();
    cutPriority = new byte[n];
    headingPath = new String[n];
    blank = new boolean[n];
    for (int i = 0; i < n; i++) {
      blank[i] = lines.get(i).isBlank();
    }
    Deque<Heading> stack = new ArrayDeque<>();
    String path = "";
    char fenceChar = 0;
    int fenceLength = 0;
    for (int i = 0; i < n; i++) {
      String line = lines.get(i);
      boolean afterBlank = i == 0 || blank[i - 1];
      if (fenceChar != 0) {
        cutPriority[i] = NONE;
        headingPath[i] = path;
        if (closesFence(line, fenceChar, fenceLength)) {
          fenceChar = 0;
        }
        continue;
      }
      Matcher fence = FENCE.matcher(line);
      if (fence.matches() && !(fence.group(1).charAt(0) == '`' && fence.group(2).contains("`"))) {
        fenceChar = fence.group(1).charAt(0);
        fenceLength = fence.group(1).length();
        cutPriority[i] = afterBlank ? PARAGRAPH : LINE;
        headingPath[i] = path;
        continue;
      }
      Matcher atx = ATX.matcher(line);
      if (atx.matches()) {
        int level = atx.group(1).length();
        String title = atx.group(2) == null ? "" : atx.group(2).strip();
        path = push(stack, new Heading(level, "#".repeat(level) + " " + title));
        cutPriority[i] = HEADING;
        headingPath[i] = path;
        continue;
      }
      if (!blank[i]
          && i + 1 < n
          && SETEXT.matcher(lines.get(i + 1)).matches()
          && !isListOrQuote(line)) {
        int level = lines.get(i + 1).strip().charAt(0) == '=' ? 1 : 2;
        path = push(stack, new Heading(level, "#".repeat(level) + " " + line.strip()));
        cutPriority[i] = HEADING;
        headingPath[i] = path;
        cutPriority[i + 1] = NONE;
        headingPath[i + 1] = path;
        i++;
        continue;
      }
      cutPriority[i] = blank[i] ? LINE : afterBlank ? PARAGRAPH : LINE;
      headingPath[i] = path;
    }
    if (n > 0) {
      cutPriority[0] = NONE;
    }
  }

  private static boolean isListOrQuote(String line) {
    String s = line.stripLeading();
    return s.startsWith(">")
        || s.startsWith("- ")
        || s.startsWith("* ")
        || s.startsWith("+ ")
        || s.matches("\\d+[.)] .*");
  }

  private static boolean closesFence(String line, char fenceChar, int fenceLength) {
    String s = line.strip();
    if (s.length() < fenceLength || line.length() - line.stripLeading().length() > 3) {
      return false;
    }
    for (int k = 0; k < s.length(); k++) {
      if (s.charAt(k) != fenceChar) {
        return false;
      }
    }
    return true;
  }

  private static String push(Deque<Heading> stack, Heading heading) {
    while (!stack.isEmpty() && stack.peekLast().level() >= heading.level()) {
      stack.removeLast();
    }
    stack.addLast(heading);
    List<String> labels = new ArrayList<>(stack.size());
    stack.forEach(h -> labels.add(h.label()));
    return String.join(" > ", labels);
  }
}
