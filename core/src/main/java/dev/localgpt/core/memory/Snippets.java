package dev.localgpt.core.memory;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One-line previews of search hits for people to read. A chunk is up to ~1,600 characters and the line that
 * matched is often at its end, so a preview shows the window with the most query words, not the chunk's head.
 */
public final class Snippets {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "are", "was", "what", "which", "who",
      "how", "why", "when", "where", "does", "did", "has", "have", "had", "can", "you", "your", "our", "with",
      "that", "this", "from", "about", "into", "there", "their", "they", "them", "any", "all", "not");
  private static final String ELLIPSIS = "…";

  private Snippets() {}

  /**
   * {@code text} on one line (whitespace collapsed), at most {@code maxChars} long: the window holding the most
   * distinct words of {@code query}, cut at spaces, with {@code …} where text was left out.
   */
  public static String preview(String text, String query, int maxChars) {
    return excerpt(text.replaceAll("\\s+", " "), query, maxChars);
  }

  /** Like {@link #preview} but keeps the text's line breaks (for tools that show Markdown to a model). */
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
    Matcher m = WORD.matcher(query.toLowerCase(Locale.ROOT));
    while (m.find()) {
      String word = m.group();
      if (word.length() >= 3 && !STOP_WORDS.contains(word)) {
        terms.add(word);
      }
    }
    return terms;
  }

  /**
   * Start of the window covering the most distinct terms; windows begin a little before a matching word (at a word
   * start), so the match is read with what follows it. Without any match: the start of the text.
   */
  private static int bestWindowStart(String text, Set<String> terms, int maxChars) {
    String lower = text.toLowerCase(Locale.ROOT);
    int bestStart = 0;
    int bestCount = 0;
    Matcher m = WORD.matcher(lower);
    while (m.find()) {
      if (!matchesTerm(m.group(), terms)) {
        continue;
      }
      int start = wordStartAtOrAfter(text, Math.max(0, m.start() - maxChars / 5));
      int count = countIn(lower, terms, start, maxChars);
      if (count > bestCount) {
        bestCount = count;
        bestStart = start;
      }
    }
    return bestStart;
  }

  private static int countIn(String lower, Set<String> terms, int start, int maxChars) {
    Set<String> seen = new LinkedHashSet<>();
    Matcher m = WORD.matcher(lower).region(start, Math.min(lower.length(), start + maxChars));
    while (m.find()) {
      for (String term : terms) {
        if (m.group().startsWith(term)) {
          seen.add(term);
        }
      }
    }
    return seen.size();
  }

  private static boolean matchesTerm(String word, Set<String> terms) {
    return terms.stream().anyMatch(word::startsWith);
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
