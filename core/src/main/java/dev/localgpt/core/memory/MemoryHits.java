package dev.localgpt.core.memory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
}
