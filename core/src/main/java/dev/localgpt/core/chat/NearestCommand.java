package dev.localgpt.core.chat;

import java.util.Collection;
import java.util.Optional;

/** Finds the known command closest to a mistyped one: a unique prefix first, else the smallest edit distance. */
final class NearestCommand {
  private NearestCommand() {}

  static Optional<String> of(String typed, Collection<String> known) {
    if (typed.isEmpty()) {
      return Optional.empty();
    }
    var prefixed = known.stream().filter(k -> k.startsWith(typed)).sorted().toList();
    if (prefixed.size() == 1) {
      return Optional.of(prefixed.getFirst());
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known.stream().sorted().toList()) {
      int d = distance(typed, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    int allowed = Math.max(1, Math.min(3, typed.length() / 2));
    return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
