package dev.localgpt.ports.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The terms of a user's search text, as every keyword index reads them: runs of Unicode letters,
 * digits and combining marks, lower-cased, de-duplicated, in the order written. Every other
 * character separates terms, so no character of the text can act as query syntax of the index.
 *
 * <p>{@link #selected} is the one rule by which both keyword legs (SQLite FTS5 and PostgreSQL
 * {@code tsquery}) choose the terms they OR: a real question is mostly function words ("what did we
 * decide about the ..."), which occur in nearly every chunk and add next to nothing to the rank
 * while making the index score almost the whole table. So English stop words ({@code
 * stopwords-en.txt}) are left out when the text holds any other term, and at most {@link
 * #MAX_OR_TERMS} terms are kept: the longest ones (longer words are rarer), in the order written.
 */
public final class QueryTerms {
  /** Terms read from the text at most (the rest of a pasted page is ignored). */
  public static final int MAX_TERMS = 64;

  /** Terms a keyword query ORs at most. */
  public static final int MAX_OR_TERMS = 12;

  private static final Set<String> STOP_WORDS = load("stopwords-en.txt");

  private QueryTerms() {}

  /**
   * The terms a keyword query ORs, in text order: the distinct terms of the first {@link
   * #MAX_TERMS}, without stop words unless nothing else is left, at most {@link #MAX_OR_TERMS} (the
   * longest). Empty when the text holds no term.
   */
  public static List<String> selected(String text) {
    List<String> terms = new ArrayList<>(of(text, MAX_TERMS));
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
    return List.copyOf(terms);
  }

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

  private static Set<String> load(String resource) {
    InputStream in = QueryTerms.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(
          "resource " + resource + " is missing from the ports jar; rebuild it");
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
