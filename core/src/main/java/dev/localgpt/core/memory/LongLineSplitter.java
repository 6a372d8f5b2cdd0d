package dev.localgpt.core.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line that has more tokens than a chunk into pieces of at most {@code max} tokens,
 * cutting between words (at whitespace); a single word with more tokens than that (a long run of
 * CJK characters, say) is cut between code points. Each piece after the first repeats up to {@code
 * overlap} tokens of whole words from the end of the previous one. Token counts of words add up, as
 * {@link TokenCounter} promises for text split at whitespace.
 */
final class LongLineSplitter {
  private final TokenCounter tokens;
  private final int max;
  private final int overlap;

  LongLineSplitter(TokenCounter tokens, int max, int overlap) {
    this.tokens = tokens;
    this.max = max;
    this.overlap = overlap;
  }

  /** The pieces of {@code line}, in order; together they hold every non-space character of it. */
  List<String> split(String line) {
    List<int[]> units = units(line);
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < units.size()) {
      int size = 0;
      int j = i;
      while (j < units.size() && (j == i || size + units.get(j)[2] <= max)) {
        size += units.get(j)[2];
        j++;
      }
      out.add(line.substring(units.get(i)[0], units.get(j - 1)[1]));
      if (j >= units.size()) {
        break;
      }
      int k = j;
      int repeated = 0;
      while (k - 1 > i && repeated + units.get(k - 1)[2] <= overlap) {
        repeated += units.get(k - 1)[2];
        k--;
      }
      i = k;
    }
    return out;
  }

  /**
   * Words as {start, end, tokens}; a word over {@code max} tokens becomes several units that each
   * fit.
   */
  private List<int[]> units(String line) {
    List<int[]> units = new ArrayList<>();
    int n = line.length();
    int i = 0;
    while (i < n) {
      while (i < n && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (start < i) {
        word(line, start, i, units);
      }
    }
    return units;
  }

  private void word(String line, int start, int end, List<int[]> units) {
    int from = start;
    while (from < end) {
      int count = tokens.count(line.substring(from, end));
      if (count <= max) {
        units.add(new int[] {from, end, count});
        return;
      }
      int to = longestFit(line, from, end);
      units.add(new int[] {from, to, tokens.count(line.substring(from, to))});
      from = to;
    }
  }

  /**
   * The end of the longest prefix of {@code line[from, end)} with at most {@code max} tokens, cut
   * between code points and at least one code point long. Galloping, then binary search over the
   * number of code points.
   */
  private int longestFit(String line, int from, int end) {
    int points = line.codePointCount(from, end);
    int good = 1;
    int bad = points + 1;
    for (int k = Math.max(1, max); k <= points; k *= 2) {
      if (fits(line, from, k)) {
        good = k;
      } else {
        bad = k;
        break;
      }
    }
    while (bad - good > 1) {
      int mid = (good + bad) >>> 1;
      if (fits(line, from, mid)) {
        good = mid;
      } else {
        bad = mid;
      }
    }
    return line.offsetByCodePoints(from, good);
  }

  private boolean fits(String line, int from, int codePoints) {
    return tokens.count(line.substring(from, line.offsetByCodePoints(from, codePoints))) <= max;
  }
}
