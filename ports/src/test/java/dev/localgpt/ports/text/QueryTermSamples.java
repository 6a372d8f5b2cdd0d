package dev.localgpt.ports.text;

import java.util.List;

/**
 * Queries that exercise {@link QueryTerms#selected}'s rules (apostrophes, the term cap, stop words,
 * a query of stop words only), for the keyword adapters' tests that check they OR exactly its
 * terms.
 */
public final class QueryTermSamples {
  public static final List<String> QUERIES =
      List.of(
          "Don't forget the Ferris wheel's lights",
          "alpha bb cc dd ee ff gg hh ii jj kk ll mm omega longword",
          "what is the status of the okapi enclosure budget",
          "to be or not to be");

  private QueryTermSamples() {}
}
