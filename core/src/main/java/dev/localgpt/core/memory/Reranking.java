package dev.localgpt.core.memory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recency decay for dated daily notes and MMR diversity selection. */
final class Reranking {
  private static final Pattern DATED =
      Pattern.compile("^memory/(?:[^/]+/)*(\\d{4}-\\d{2}-\\d{2})[^/]*\\.md$");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

  private Reranking() {}

  /**
   * {@code exp(-ln2 / halfLife × ageDays)} for {@code memory/YYYY-MM-DD*.md}, else 1 (MEMORY.md
   * never decays).
   */
  static double decay(String path, double halfLifeDays, Clock clock) {
    if (halfLifeDays <= 0) {
      return 1.0;
    }
    Matcher m = DATED.matcher(path);
    if (!m.matches()) {
      return 1.0;
    }
    try {
      long age =
          ChronoUnit.DAYS.between(
              LocalDate.parse(m.group(1)), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
      return Math.exp(-Math.log(2) / halfLifeDays * Math.max(0, age));
    } catch (DateTimeParseException e) {
      return 1.0;
    }
  }

  static Set<String> tokens(String text) {
    Set<String> out = new HashSet<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 0;
    }
    int common = 0;
    for (String t : a) {
      if (b.contains(t)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }

  /**
   * Greedy MMR: repeatedly takes the candidate maximising {@code λ·relevance − (1−λ)·max Jaccard to
   * the taken}, relevance being the score divided by the best score. {@code ranked} is best first.
   */
  static <T> List<T> mmr(
      List<T> ranked,
      int limit,
      double lambda,
      Function<T, Double> score,
      Function<T, String> text) {
    List<T> rest = new ArrayList<>(ranked);
    List<Set<String>> restTokens = new ArrayList<>();
    rest.forEach(t -> restTokens.add(tokens(text.apply(t))));
    double best = ranked.stream().mapToDouble(score::apply).max().orElse(1);
    double scale = best > 0 ? best : 1;
    List<T> chosen = new ArrayList<>();
    List<Set<String>> chosenTokens = new ArrayList<>();
    while (chosen.size() < limit && !rest.isEmpty()) {
      int pick = 0;
      double pickValue = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < rest.size(); i++) {
        double overlap = 0;
        for (Set<String> c : chosenTokens) {
          overlap = Math.max(overlap, jaccard(restTokens.get(i), c));
        }
        double value = lambda * score.apply(rest.get(i)) / scale - (1 - lambda) * overlap;
        if (value > pickValue) {
          pickValue = value;
          pick = i;
        }
      }
      chosen.add(rest.remove(pick));
      chosenTokens.add(restTokens.remove(pick));
    }
    return chosen;
  }
}
