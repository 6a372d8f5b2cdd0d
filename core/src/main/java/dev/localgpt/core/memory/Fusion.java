package dev.localgpt.core.memory;

import dev.localgpt.ports.memory.ScoredChunk;
import java.util.List;

/** Normalises one leg's scores so the legs can be summed with weights. */
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
        for (int i = 0; i < n; i++) {
          out[i] = (rrfK + 1.0) / (rrfK + i + 1.0);
        }
      }
      case WEIGHTED -> {
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
        double var = leg.stream().mapToDouble(s -> (s.score() - mean) * (s.score() - mean)).sum() / n;
        double sd = Math.sqrt(var);
        for (int i = 0; i < n; i++) {
          out[i] = sd > 0 ? clamp((leg.get(i).score() - (mean - 3 * sd)) / (6 * sd)) : 1.0;
        }
      }
      default -> throw new IllegalStateException("unknown fusion " + method);
    }
    return out;
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }
}
