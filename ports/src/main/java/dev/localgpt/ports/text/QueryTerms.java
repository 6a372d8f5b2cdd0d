package dev.localgpt.ports.text;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The terms of a user's search text, as every keyword index reads them: runs of Unicode letters,
 * digits and combining marks, lower-cased, de-duplicated, in the order written. Every other
 * character separates terms, so no character of the text can act as query syntax of the index.
 */
public final class QueryTerms {
  private QueryTerms() {}

  /** Every distinct term of {@code text}, in order, at most {@code max} (the rest is ignored). */
  public static Set<String> of(String text, int max) {
    Set<String> terms = new LinkedHashSet<>();
    StringBuilder term = new StringBuilder();
    for (int i = 0; i < text.length() && terms.size() < max; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isTermChar(cp)) {
        term.appendCodePoint(cp);
      } else {
        flush(term, terms);
      }
    }
    if (terms.size() < max) {
      flush(term, terms);
    }
    return terms;
  }

  private static boolean isTermChar(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static void flush(StringBuilder term, Set<String> terms) {
    if (!term.isEmpty()) {
      terms.add(term.toString().toLowerCase(Locale.ROOT));
      term.setLength(0);
    }
  }
}
