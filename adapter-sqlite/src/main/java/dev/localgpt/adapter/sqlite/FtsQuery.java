package dev.localgpt.adapter.sqlite;

import dev.localgpt.ports.text.QueryTerms;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a user's raw text into a safe FTS5 MATCH expression: terms are runs of Unicode letters,
 * digits and combining marks, each quoted as a string (inner quotes doubled), de-duplicated and
 * joined with {@code OR}. No character of the user's text can act as FTS5 syntax.
 *
 * <p>A real question is mostly function words ("what did we decide about the ..."), which occur in
 * nearly every chunk: OR'ed in, they make FTS5 score almost the whole table while adding next to
 * nothing to BM25. So English stop words ({@code stopwords-en.txt}) are left out when the text
 * holds any other term, and at most {@link #MAX_OR_TERMS} terms are OR'ed: the longest ones (longer
 * words are rarer), in the order the user wrote them.
 */
final class FtsQuery {
  /** Terms read from the text at most (the rest of a pasted page is ignored). */
  static final int MAX_TERMS = 64;

  /** Terms OR'ed into one MATCH expression at most. */
  static final int MAX_OR_TERMS = 12;

  private static final Set<String> STOP_WORDS = load("stopwords-en.txt");

  private FtsQuery() {}

  /**
   * The MATCH expression, or empty when the text holds no term (blank, punctuation, pure
   * operators).
   */
  static Optional<String> of(String text) {
    List<String> terms = selected(text);
    if (terms.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(terms.stream().map(FtsQuery::quote).collect(Collectors.joining(" OR ")));
  }

  /** The terms the MATCH expression ORs, in text order. */
  static List<String> selected(String text) {
    List<String> terms = new ArrayList<>(terms(text));
    List<String> content = terms.stream().filter(t -> !STOP_WORDS.contains(t)).toList();
    if (!content.isEmpty()) {
      terms = new ArrayList<>(content);
    }
    if (terms.size() > MAX_OR_TERMS) {
      List<String> byLength = new ArrayList<>(terms);
      byLength.sort(
          Comparator.comparingInt((String t) -> t.codePointCount(0, t.length())).reversed());
      Set<String> kept = new HashSet<>(byLength.subList(0, MAX_OR_TERMS));
      terms.removeIf(t -> !kept.contains(t));
    }
    return terms;
  }

  /** Every distinct lower-case term of {@code text}, in order, at most {@link #MAX_TERMS}. */
  static Set<String> terms(String text) {
    return QueryTerms.of(text, MAX_TERMS);
  }

  static String quote(String term) {
    return '"' + term.replace("\"", "\"\"") + '"';
  }

  private static Set<String> load(String resource) {
    InputStream in = FtsQuery.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(
          "resource " + resource + " is missing from the adapter-sqlite jar");
    }
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return lines
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
    }
  }
}
