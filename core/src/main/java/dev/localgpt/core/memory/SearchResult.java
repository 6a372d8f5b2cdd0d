package dev.localgpt.core.memory;

import java.util.List;

/**
 * What a search found, and how complete the index was when it ran.
 *
 * @param hits best first
 * @param pendingEmbeddings chunks that had no vector yet: keyword search finds them, vector search
 *     does not until the next indexing run embeds them (0 without an embedder)
 */
public record SearchResult(List<MemoryHit> hits, int pendingEmbeddings) {
  public SearchResult {
    hits = List.copyOf(hits);
    if (pendingEmbeddings < 0) {
      throw new IllegalArgumentException(
          "'pendingEmbeddings' must be >= 0, was " + pendingEmbeddings);
    }
  }
}
