package dev.localgpt.core.chat;

import dev.localgpt.core.text.EditDistance;
import java.util.Collection;
import java.util.Optional;

/**
 * Finds the known command closest to a mistyped one: a unique prefix first, else the smallest edit
 * distance.
 */
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
      int d = EditDistance.between(typed, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    int allowed = Math.max(1, Math.min(3, typed.length() / 2));
    return bestDistance <= allowed ? Optional.ofNullable(best) : Optional.empty();
  }
}
