package dev.localgpt.adapter.postgres;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a user's raw text into a safe {@code to_tsquery} input: terms are runs of Unicode letters,
 * digits and combining marks, each a quoted lexeme, de-duplicated and OR-ed. No character of the
 * user's text can act as tsquery syntax ({@code & | ! ( ) : * <->}), since only letters, digits and
 * marks survive.
 */
final class TsQuery {
  static final int MAX_TERMS = 64;

  private TsQuery() {}

  /** The tsquery text, or empty when the text holds no term. */
  static Optional<String> of(String text) {
    Set<String> terms = new LinkedHashSet<>();
    StringBuilder term = new StringBuilder();
    for (int i = 0; i < text.length() && terms.size() < MAX_TERMS; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (isTermChar(cp)) {
        term.appendCodePoint(cp);
      } else {
        flush(term, terms);
      }
    }
    if (terms.size() < MAX_TERMS) {
      flush(term, terms);
    }
    if (terms.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(terms.stream().map(TsQuery::quote).collect(Collectors.joining(" | ")));
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

  /**
   * A quoted lexeme; quotes and backslashes cannot occur in a term, but are escaped all the same.
   */
  static String quote(String term) {
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'";
  }
}
