package dev.localgpt.core.memory.eval;

import dev.localgpt.core.memory.FusionMethod;
import dev.localgpt.core.memory.SearchMode;
import dev.localgpt.core.memory.SearchSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * One benchmark leg: a label and how it changes the configured search settings. Parsed from {@code
 * --fusion} values: {@code config} (as configured), {@code weighted} or {@code weighted:0.5}
 * (vector weight; text = 1 - it), {@code rrf}, {@code dbsf}, {@code adaptive} (each also {@code
 * :<vector weight>}), {@code all}.
 *
 * @param label the leg's name in the results table
 * @param change how the leg differs from the configured settings
 */
public record FusionSpec(String label, UnaryOperator<SearchSettings> change) {
  public static final FusionSpec BM25 = new FusionSpec("bm25", s -> s.withMode(SearchMode.KEYWORD));
  public static final FusionSpec VECTOR =
      new FusionSpec("vector", s -> s.withMode(SearchMode.VECTOR));

  /** The configured settings as this leg changes them. */
  public SearchSettings apply(SearchSettings configured) {
    return change.apply(configured);
  }

  /**
   * The legs named by {@code values} (each may be a comma-separated list); {@code config} when
   * empty.
   *
   * @throws IllegalArgumentException naming an unknown value and the choices
   */
  public static List<FusionSpec> parse(List<String> values) {
    List<FusionSpec> out = new ArrayList<>();
    for (String raw : values.isEmpty() ? List.of("config") : values) {
      for (String v : raw.split(",")) {
        out.addAll(one(v.trim().toLowerCase(Locale.ROOT)));
      }
    }
    return out;
  }

  private static List<FusionSpec> one(String v) {
    if (v.equals("all")) {
      List<FusionSpec> all = new ArrayList<>();
      for (String s :
          List.of(
              "weighted:0.7",
              "weighted:0.5",
              "weighted:0.3",
              "rrf",
              "rrf:0.5",
              "dbsf:0.5",
              "adaptive:0.5")) {
        all.addAll(one(s));
      }
      return all;
    }
    if (v.equals("config")) {
      return List.of(new FusionSpec("hybrid", s -> s));
    }
    String[] parts = v.split(":", 2);
    FusionMethod method;
    try {
      method = FusionMethod.valueOf(parts[0].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad(v);
    }
    if (parts.length == 1) {
      return List.of(new FusionSpec("hybrid " + parts[0], s -> s.withFusion(method)));
    }
    double w;
    try {
      w = Double.parseDouble(parts[1]);
    } catch (NumberFormatException e) {
      throw bad(v);
    }
    if (!(w >= 0 && w <= 1)) {
      throw bad(v);
    }
    String label = String.format(Locale.ROOT, "hybrid %s %.2f/%.2f", parts[0], w, 1 - w);
    return List.of(new FusionSpec(label, s -> s.withFusion(method).withWeights(w, 1 - w)));
  }

  private static IllegalArgumentException bad(String v) {
    return new IllegalArgumentException(
        "unknown fusion '"
            + v
            + "': use config, weighted, "
            + "weighted:<vector weight 0..1>, rrf, dbsf, adaptive or all (comma-separated)");
  }
}
