package dev.localgpt.adapter.sqlite;

import dev.localgpt.ports.text.QueryTerms;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a user's raw text into a safe FTS5 MATCH expression: the terms {@link QueryTerms#selected}
 * chooses (the same as PostgreSQL's keyword leg ORs), each quoted as a string (inner quotes
 * doubled) and joined with {@code OR}. No character of the user's text can act as FTS5 syntax.
 */
final class FtsQuery {
  private FtsQuery() {}

  /**
   * The MATCH expression, or empty when the text holds no term (blank, punctuation, pure
   * operators).
   */
  static Optional<String> of(String text) {
    List<String> terms = QueryTerms.selected(text);
    if (terms.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(terms.stream().map(FtsQuery::quote).collect(Collectors.joining(" OR ")));
  }

  static String quote(String term) {
    return '"' + term.replace("\"", "\"\"") + '"';
  }
}
