package dev.localgpt.adapter.postgres;

import dev.localgpt.ports.text.QueryTerms;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a user's raw text into a safe {@code to_tsquery} input: the terms {@link
 * QueryTerms#selected} chooses (the same as SQLite's keyword leg ORs), each a quoted lexeme, OR-ed.
 * No character of the user's text can act as tsquery syntax ({@code & | ! ( ) : * <->}), since only
 * letters, digits and marks survive.
 */
final class TsQuery {
  private TsQuery() {}

  /** The tsquery text, or empty when the text holds no term. */
  static Optional<String> of(String text) {
    List<String> terms = QueryTerms.selected(text);
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
