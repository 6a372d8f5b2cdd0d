package dev.localgpt.core.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts Markdown into chunks of about {@link ChunkerSettings#maxChars()} characters. A cut goes preferably before a
 * heading, then at a paragraph break, then between lines, and never inside a fenced code block unless the block
 * alone is too big; lines longer than a chunk are split. The next chunk repeats about
 * {@link ChunkerSettings#overlapChars()} characters of trailing whole lines, except after a heading cut. Thread-safe.
 */
public final class MarkdownChunker {
  private final ChunkerSettings settings;

  public MarkdownChunker(ChunkerSettings settings) {
    this.settings = settings;
  }

  public MarkdownChunker() {
    this(ChunkerSettings.defaults());
  }

  public ChunkerSettings settings() {
    return settings;
  }

  /** Chunks {@code content} (any line endings); a blank file gives no chunks. */
  public List<Chunk> chunk(String path, String content) {
    List<String> lines = splitLines(content);
    MarkdownStructure md = new MarkdownStructure(lines);
    int n = lines.size();
    int max = settings.maxChars();
    List<Chunk> out = new ArrayList<>();
    int s = 0;
    while (s < n) {
      while (s < n && md.blank[s]) {
        s++;
      }
      if (s >= n) {
        break;
      }
      if (lines.get(s).length() > max) {
        splitLongLine(path, lines.get(s), s, md.headingPath[s], out);
        s++;
        continue;
      }
      int size = 0;
      int e = s;
      while (e < n && (e == s || size + lines.get(e).length() + 1 <= max)) {
        size += lines.get(e).length() + 1;
        e++;
      }
      if (e >= n) {
        emit(path, lines, md, s, n, out);
        break;
      }
      int[] cut = chooseCut(lines, md, s, e);
      int c = cut[0];
      emit(path, lines, md, s, c, out);
      s = cut[1] == 1 ? overlapStart(lines, s, c) : c;
    }
    return out;
  }

  /** Returns {cut, overlapAllowed}; cut is the exclusive end line of the chunk starting at {@code s}. */
  private int[] chooseCut(List<String> lines, MarkdownStructure md, int s, int e) {
    int minFill = settings.maxChars() / 2;
    int bestFull = -1;
    int bestAny = -1;
    int size = 0;
    for (int c = s + 1; c <= e; c++) {
      size += lines.get(c - 1).length() + 1;
      byte p = md.cutPriority[c];
      if (p == MarkdownStructure.NONE) {
        continue;
      }
      if (size >= minFill && (bestFull < 0 || p >= md.cutPriority[bestFull])) {
        bestFull = c;
      }
      if (bestAny < 0 || p >= md.cutPriority[bestAny]) {
        bestAny = c;
      }
    }
    if (bestFull > 0) {
      return new int[] {bestFull, md.cutPriority[bestFull] == MarkdownStructure.HEADING ? 0 : 1};
    }
    if (bestAny > 0) {
      return new int[] {bestAny, 0};
    }
    return new int[] {e, 1};
  }

  private int overlapStart(List<String> lines, int s, int c) {
    int t = c;
    int size = 0;
    while (t - 1 > s && size + lines.get(t - 1).length() + 1 <= settings.overlapChars()) {
      size += lines.get(t - 1).length() + 1;
      t--;
    }
    return t;
  }

  private static void emit(String path, List<String> lines, MarkdownStructure md, int s, int endExclusive, List<Chunk> out) {
    int last = endExclusive - 1;
    while (last > s && md.blank[last]) {
      last--;
    }
    String text = String.join("\n", lines.subList(s, last + 1));
    out.add(new Chunk(path, s + 1, last + 1, md.headingPath[s], text, Hashes.sha256(text)));
  }

  private void splitLongLine(String path, String line, int index, String headingPath, List<Chunk> out) {
    int max = settings.maxChars();
    int step = Math.max(1, max - settings.overlapChars());
    int from = 0;
    while (from < line.length()) {
      int to = Math.min(line.length(), from + max);
      if (to < line.length() && Character.isLowSurrogate(line.charAt(to))) {
        to--;
      }
      String text = line.substring(from, to);
      out.add(new Chunk(path, index + 1, index + 1, headingPath, text, Hashes.sha256(text)));
      if (to >= line.length()) {
        break;
      }
      int next = from + step;
      if (Character.isLowSurrogate(line.charAt(next))) {
        next--;
      }
      from = Math.max(from + 1, next);
    }
  }

  /** Splits on {@code \n}, {@code \r\n} or {@code \r}; a final line terminator does not start another line. */
  static List<String> splitLines(String content) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int len = content.length();
    for (int i = 0; i < len; i++) {
      char ch = content.charAt(i);
      if (ch == '\n' || ch == '\r') {
        lines.add(content.substring(start, i));
        if (ch == '\r' && i + 1 < len && content.charAt(i + 1) == '\n') {
          i++;
        }
        start = i + 1;
      }
    }
    if (start < len) {
      lines.add(content.substring(start));
    }
    return lines;
  }
}
