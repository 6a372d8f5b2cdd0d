package dev.localgpt.core.memory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Helpers over search results. */
public final class MemoryHits {
  private MemoryHits() {}

  /** The first (best) hit of each path, in the given order: a document scores as its best chunk. */
  public static List<MemoryHit> bestPerPath(List<MemoryHit> hits) {
    Set<String> seen = new HashSet<>();
    List<MemoryHit> out = new ArrayList<>();
    for (MemoryHit h : hits) {
      if (seen.add(h.path())) {
        out.add(h);
      }
    }
    return out;
  }

  /**
   * One hit as a numbered list item, {@code "n. path:start-end (score 0.90)\n snippet"}: the score
   * with {@code decimals} digits, the snippet a one-line preview of at most {@code snippetChars}
   * around the query's words.
   */
  public static String listItem(
      int n, MemoryHit hit, String query, int decimals, int snippetChars) {
    return n
        + ". "
        + hit.path()
        + ':'
        + hit.startLine()
        + '-'
        + hit.endLine()
        + String.format(Locale.ROOT, " (score %." + decimals + "f)", hit.score())
        + "\n   "
        + Snippets.preview(hit.snippet(), query, snippetChars);
  }
}
