package dev.localgpt.core.memory;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One-line previews of search hits for people to read. A chunk is up to ~1,600 characters and the
 * line that matched is often at its end, so a preview shows the window with the most query words,
 * not the chunk's head.
 */
public final class Snippets {
  private static final Set<String> STOP_WORDS =
      Set.of(
          "the", "and", "for", "are", "was", "what", "which", "who", "how", "why", "when", "where",
          "does", "did", "has", "have", "had", "can", "you", "your", "our", "with", "that", "this",
          "from", "about", "into", "there", "their", "they", "them", "any", "all", "not");
  private static final String ELLIPSIS = "…";

  private Snippets() {}

  /**
   * {@code text} on one line (whitespace collapsed), at most {@code maxChars} long: the window
   * holding the most distinct words of {@code query}, cut at spaces, with {@code …} where text was
   * left out.
   */
  public static String preview(String text, String query, int maxChars) {
    return excerpt(text.replaceAll("\\s+", " "), query, maxChars);
  }

  /**
   * Like {@link #preview} but keeps the text's line breaks (for tools that show Markdown to a
   * model).
   */
  public static String excerpt(String text, String query, int maxChars) {
    if (maxChars < 10) {
      throw new IllegalArgumentException("'maxChars' must be >= 10, was " + maxChars);
    }
    String whole = text.strip();
    if (whole.length() <= maxChars) {
      return whole;
    }
    int start = bestWindowStart(whole, terms(query), maxChars);
    int end = Math.min(whole.length(), start + maxChars - (start > 0 ? 2 : 1));
    if (end < whole.length()) {
      int space = lastWhitespaceAtOrBefore(whole, end);
      end = space > start + maxChars / 2 ? space : end;
      end = Character.isLowSurrogate(whole.charAt(end)) ? end - 1 : end;
    }
    String body = whole.substring(start, end).strip();
    return (start > 0 ? ELLIPSIS : "") + body + (end < whole.length() ? ELLIPSIS : "");
  }

  /** Lower-case query words worth looking for: at least 3 characters and not a stop word. */
  static Set<String> terms(String query) {
    Set<String> terms = new LinkedHashSet<>();
    String lower = query.toLowerCase(Locale.ROOT);
    for (int start = wordStart(lower, 0); start >= 0; ) {
      int end = wordEnd(lower, start);
      String word = lower.substring(start, end);
      if (word.length() >= 3 && !STOP_WORDS.contains(word)) {
        terms.add(word);
      }
      start = wordStart(lower, end);
    }
    return terms;
  }

  /**
   * Where the first word at or after {@code from} starts, or -1: a word is a run of letters and
   * numbers (Unicode categories L and N, as the regex {@code [\p{L}\p{N}]+}), found without a regex
   * (a search makes a preview of every hit it returns).
   */
  static int wordStart(String text, int from) {
    for (int i = from; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (isWordChar(cp)) {
        return i;
      }
      i += Character.charCount(cp);
    }
    return -1;
  }

  /** The end (exclusive) of the word starting at {@code start}. */
  static int wordEnd(String text, int start) {
    int i = start;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      if (!isWordChar(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return i;
  }

  private static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> false;
    };
  }

  /**
   * Start of the window covering the most distinct terms; windows begin a little before a matching
   * word (at a word start), so the match is read with what follows it. Without any match: the start
   * of the text. The text's words are found once, each with the set of terms it starts with as
   * bits; a window's count ORs the bits of its words.
   */
  private static int bestWindowStart(String text, Set<String> terms, int maxChars) {
    List<String> termList = List.copyOf(terms);
    if (termList.isEmpty()) {
      return 0;
    }
    if (termList.size() > Long.SIZE) {
      termList = termList.subList(0, Long.SIZE);
    }
    String lower = text.toLowerCase(Locale.ROOT);
    Words words = Words.of(lower, termList);
    int bestStart = 0;
    int bestCount = 0;
    for (int w = 0; w < words.size; w++) {
      if (words.masks[w] == 0) {
        continue;
      }
      int start = wordStartAtOrAfter(text, Math.max(0, words.starts[w] - maxChars / 5));
      int count =
          Long.bitCount(
              words.maskIn(lower, termList, start, Math.min(lower.length(), start + maxChars)));
      if (count > bestCount) {
        bestCount = count;
        bestStart = start;
      }
    }
    return bestStart;
  }

  /**
   * The words of a lower-cased text: where each starts and ends, and which terms it starts with
   * (bit i = term i).
   */
  private static final class Words {
    int[] starts = new int[64];
    int[] ends = new int[64];
    long[] masks = new long[64];
    int size;

    static Words of(String lower, List<String> terms) {
      Words words = new Words();
      for (int start = wordStart(lower, 0); start >= 0; ) {
        int end = wordEnd(lower, start);
        if (words.size == words.starts.length) {
          words.starts = Arrays.copyOf(words.starts, words.size * 2);
          words.ends = Arrays.copyOf(words.ends, words.size * 2);
          words.masks = Arrays.copyOf(words.masks, words.size * 2);
        }
        words.starts[words.size] = start;
        words.ends[words.size] = end;
        words.masks[words.size] = mask(lower, start, end, terms);
        words.size++;
        start = wordStart(lower, end);
      }
      return words;
    }

    /**
     * The terms that words inside {@code [from, to)} start with; a word cut by an edge counts as
     * its inner part.
     */
    long maskIn(String lower, List<String> terms, int from, int to) {
      long mask = 0;
      int w = firstEndingAfter(from);
      for (; w < size && starts[w] < to; w++) {
        int s = Math.max(starts[w], from);
        int e = Math.min(ends[w], to);
        mask |= s == starts[w] && e == ends[w] ? masks[w] : mask(lower, s, e, terms);
      }
      return mask;
    }

    private int firstEndingAfter(int from) {
      int lo = 0;
      int hi = size;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (ends[mid] <= from) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    private static long mask(String lower, int start, int end, List<String> terms) {
      long mask = 0;
      for (int i = 0; i < terms.size(); i++) {
        String term = terms.get(i);
        if (term.length() <= end - start && lower.startsWith(term, start)) {
          mask |= 1L << i;
        }
      }
      return mask;
    }
  }

  private static int wordStartAtOrAfter(String text, int index) {
    int i = index;
    while (i > 0 && i < text.length() && !Character.isWhitespace(text.charAt(i - 1))) {
      i++;
    }
    return i >= text.length() ? index : i;
  }

  private static int lastWhitespaceAtOrBefore(String text, int index) {
    for (int i = index; i > 0; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
