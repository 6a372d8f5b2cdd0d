package dev.localgpt.core.memory;

/** How the keyword and vector legs' scores are made comparable before the weighted sum. */
public enum FusionMethod {
  /** Min-max normalisation of each leg's candidate scores to [0, 1]. */
  WEIGHTED,
  /**
   * Reciprocal rank fusion: a leg scores {@code (k + 1) / (k + rank)}, so rank 1 scores 1; tied
   * scores share the rank of the first of them.
   */
  RRF,
  /**
   * Distribution-based: each leg normalised over mean ± 3 standard deviations, clamped to [0, 1].
   */
  DBSF,
  /**
   * Min-max like {@link #WEIGHTED}, but per query each leg's weight is multiplied by its
   * confidence: how peaked its normalised scores are ({@code (1 − mean of its top-40 normalised
   * scores)²}). A leg whose best candidates hardly stand out (a weak embedder, a keyword leg
   * matching only common words) then counts less. Chosen by the SciFact, long-note and chat-log
   * benchmarks in docs/benchmarks.md.
   */
  ADAPTIVE
}
