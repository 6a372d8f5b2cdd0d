package dev.localgpt.core.memory;

import dev.localgpt.ports.memory.ScoredChunk;
import java.util.List;

/**
 * Normalises one leg's scores so the legs can be summed with weights. Tied scores normalise alike
 * in every method.
 */
final class Fusion {
  private Fusion() {}

  /** Normalised scores, in the order of {@code leg} (best first). */
  static double[] normalise(List<ScoredChunk> leg, FusionMethod method, int rrfK) {
    int n = leg.size();
    double[] out = new double[n];
    if (n == 0) {
      return out;
    }
    switch (method) {
      case RRF -> {
        int rank = 0;
        for (int i = 0; i < n; i++) {
          if (i == 0 || leg.get(i).score() != leg.get(i - 1).score()) {
            rank = i;
          }
          out[i] = (rrfK + 1.0) / (rrfK + rank + 1.0);
        }
      }
      case WEIGHTED, ADAPTIVE -> {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ScoredChunk s : leg) {
          min = Math.min(min, s.score());
          max = Math.max(max, s.score());
        }
        for (int i = 0; i < n; i++) {
          out[i] = max > min ? (leg.get(i).score() - min) / (max - min) : 1.0;
        }
      }
      case DBSF -> {
        double mean = leg.stream().mapToDouble(ScoredChunk::score).average().orElse(0);
        double var =
            leg.stream().mapToDouble(s -> (s.score() - mean) * (s.score() - mean)).sum() / n;
        double sd = Math.sqrt(var);
        for (int i = 0; i < n; i++) {
          out[i] = sd > 0 ? clamp((leg.get(i).score() - (mean - 3 * sd)) / (6 * sd)) : 1.0;
        }
      }
      default -> throw new IllegalStateException("unknown fusion " + method);
    }
    return out;
  }

  /**
   * How many of a leg's best normalised scores {@link #confidence} averages: 40 (was 20) won on
   * every set and weak-leg case of docs/benchmarks.md (SciFact, long notes, chat logs).
   */
  static final int CONFIDENCE_TOP = 40;

  /**
   * A leg's confidence for {@link FusionMethod#ADAPTIVE}: {@code (1 − mean of the first }{@value
   * #CONFIDENCE_TOP} {@code normalised scores)²}, in [0, 1]; high when few candidates score near
   * the best. A leg with fewer than two candidates is fully confident (its one hit is all it
   * found).
   */
  static double confidence(double[] normalised) {
    int k = Math.min(CONFIDENCE_TOP, normalised.length);
    if (k < 2) {
      return 1.0;
    }
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += normalised[i];
    }
    double peak = 1 - sum / k;
    return peak * peak;
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
