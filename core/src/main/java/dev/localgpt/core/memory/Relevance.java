package dev.localgpt.core.memory;

/**
 * Absolute relevance, comparable across queries, for the scores {@link HybridSearch} reports.
 * Fusion normalises each leg per query (its best candidate scores about 1 whatever it is), which
 * ranks well but says nothing about whether the best candidate is any good: {@code *} or an
 * unrelated question got a "perfect" hit. So each candidate also gets an absolute relevance from
 * its raw leg scores:
 *
 * <ul>
 *   <li>{@code v}: the cosine of the vector leg mapped linearly from [{@value #COSINE_NONE},
 *       {@value #COSINE_FULL}] to [0, 1]. With all-MiniLM-L6-v2, nonsense ({@code *}, {@code asdf
 *       qwerty}) and unrelated questions reach at most ~0.24 against a workspace, a note that
 *       answers the question ~0.45 to 0.5 and more.
 *   <li>{@code t}: BM25 saturated as {@code bm25 / (bm25 + }{@value #BM25_HALF}{@code )}. In a
 *       small workspace BM25 cannot tell a rare word (IDF ~2) from several common ones ("what is
 *       the"), both score ~2 to 3, so with vectors it only adds a bonus: {@code r = v + (1 − v) ×
 *       }{@value #KEYWORD_BONUS}{@code × t}; without vectors (keyword-only search) {@code r = t}.
 * </ul>
 *
 * <p>The query's relevance is that of its most relevant candidate. A hit scores {@code query
 * relevance × fused / best fused}: the order within a query is exactly the fusion's (ranking
 * quality is unchanged; nDCG@10 on SciFact in docs/benchmarks.md) and the top hit scores the
 * query's absolute relevance. Hits whose own relevance is below {@link #FLOOR} are dropped, so a
 * nonsense query finds nothing; a rare word matched once in a long note (BM25 ~0.4) still passes,
 * so a keyword match is never silently lost (the floor is on each hit's own relevance, not on its
 * fused score, which min-max normalisation sets to 0 for a leg's last candidate).
 */
final class Relevance {
  static final double COSINE_NONE = 0.25;
  static final double COSINE_FULL = 0.75;
  static final double BM25_HALF = 2.0;
  static final double KEYWORD_BONUS = 0.6;

  /** Hits whose own relevance is less than this are not returned. */
  static final double FLOOR = 0.1;

  private Relevance() {}

  /**
   * The absolute relevance of one candidate; a NaN leg score (the leg did not find it) counts as no
   * evidence. {@code vectors} says whether the vector leg ran and found anything for this query.
   */
  static double of(double bm25, double cosine, boolean vectors) {
    double t = Double.isNaN(bm25) || bm25 <= 0 ? 0 : bm25 / (bm25 + BM25_HALF);
    if (!vectors) {
      return t;
    }
    double v =
        Double.isNaN(cosine)
            ? 0
            : Math.max(0, Math.min(1, (cosine - COSINE_NONE) / (COSINE_FULL - COSINE_NONE)));
    return v + (1 - v) * KEYWORD_BONUS * t;
  }
}
