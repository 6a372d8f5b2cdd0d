package dev.localgpt.adapter.postgres;

import dev.localgpt.ports.text.QueryTerms;
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
    Set<String> terms = QueryTerms.of(text, MAX_TERMS);
    if (terms.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(terms.stream().map(TsQuery::quote).collect(Collectors.joining(" | ")));
  }

  /**
   * A quoted lexeme; quotes and backslashes cannot occur in a term, but are escaped all the same.
   */
  static String quote(String term) {
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'";
  }
}
