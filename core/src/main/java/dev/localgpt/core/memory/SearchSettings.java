package dev.localgpt.core.memory;

import java.util.Objects;
import java.util.Set;

/**
 * How hybrid search ranks.
 *
 * @param fusion how leg scores are normalised before weighting
 * @param vectorWeight weight of the vector leg, &gt;= 0
 * @param textWeight weight of the keyword leg, &gt;= 0
 * @param candidateMultiplier each leg fetches {@code limit × candidateMultiplier} candidates, &gt;=
 *     1
 * @param rrfK the {@code k} of {@link FusionMethod#RRF}, &gt; 0
 * @param mode which legs run
 * @param mmr re-rank for diversity (maximal marginal relevance over token Jaccard)
 * @param mmrLambda relevance vs diversity in [0, 1], 1 = relevance only
 * @param halfLifeDays recency half-life for dated daily notes ({@code memory/YYYY-MM-DD*.md}); 0
 *     turns decay off
 * @param isolatedSilos silos searched only when named in {@link SearchOptions#silo()}
 */
public record SearchSettings(
    FusionMethod fusion,
    double vectorWeight,
    double textWeight,
    int candidateMultiplier,
    int rrfK,
    SearchMode mode,
    boolean mmr,
    double mmrLambda,
    double halfLifeDays,
    Set<String> isolatedSilos) {
  public SearchSettings {
    Objects.requireNonNull(fusion, "'fusion' must not be null");
    Objects.requireNonNull(mode, "'mode' must not be null");
    if (!(vectorWeight >= 0) || !(textWeight >= 0) || vectorWeight + textWeight <= 0) {
      throw new IllegalArgumentException(
          "'vectorWeight'/'textWeight' must be >= 0 and not both 0, were "
              + vectorWeight
              + "/"
              + textWeight);
    }
    if (candidateMultiplier < 1) {
      throw new IllegalArgumentException(
          "'candidateMultiplier' must be >= 1, was " + candidateMultiplier);
    }
    if (rrfK <= 0) {
      throw new IllegalArgumentException("'rrfK' must be > 0, was " + rrfK);
    }
    if (!(mmrLambda >= 0 && mmrLambda <= 1)) {
      throw new IllegalArgumentException("'mmrLambda' must be in [0, 1], was " + mmrLambda);
    }
    if (!(halfLifeDays >= 0)) {
      throw new IllegalArgumentException("'halfLifeDays' must be >= 0, was " + halfLifeDays);
    }
    isolatedSilos = Set.copyOf(isolatedSilos);
  }

  /**
   * Adaptive fusion (chosen by benchmark, docs/benchmarks.md), 0.5 vector / 0.5 text, 4×
   * candidates, no MMR, no decay.
   */
  public static SearchSettings defaults() {
    return new SearchSettings(
        FusionMethod.ADAPTIVE, 0.5, 0.5, 4, 60, SearchMode.HYBRID, false, 0.7, 0, Set.of());
  }

  public SearchSettings withFusion(FusionMethod fusion) {
    return new SearchSettings(
        fusion,
        vectorWeight,
        textWeight,
        candidateMultiplier,
        rrfK,
        mode,
        mmr,
        mmrLambda,
        halfLifeDays,
        isolatedSilos);
  }

  public SearchSettings withWeights(double vector, double text) {
    return new SearchSettings(
        fusion,
        vector,
        text,
        candidateMultiplier,
        rrfK,
        mode,
        mmr,
        mmrLambda,
        halfLifeDays,
        isolatedSilos);
  }

  public SearchSettings withMode(SearchMode mode) {
    return new SearchSettings(
        fusion,
        vectorWeight,
        textWeight,
        candidateMultiplier,
        rrfK,
        mode,
        mmr,
        mmrLambda,
        halfLifeDays,
        isolatedSilos);
  }

  public SearchSettings withMmr(boolean mmr, double lambda) {
    return new SearchSettings(
        fusion,
        vectorWeight,
        textWeight,
        candidateMultiplier,
        rrfK,
        mode,
        mmr,
        lambda,
        halfLifeDays,
        isolatedSilos);
  }

  public SearchSettings withHalfLifeDays(double halfLifeDays) {
    return new SearchSettings(
        fusion,
        vectorWeight,
        textWeight,
        candidateMultiplier,
        rrfK,
        mode,
        mmr,
        mmrLambda,
        halfLifeDays,
        isolatedSilos);
  }

  public SearchSettings withIsolatedSilos(Set<String> silos) {
    return new SearchSettings(
        fusion,
        vectorWeight,
        textWeight,
        candidateMultiplier,
        rrfK,
        mode,
        mmr,
        mmrLambda,
        halfLifeDays,
        silos);
  }
}
