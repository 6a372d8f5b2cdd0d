package dev.localgpt.core.memory;

import java.util.Optional;

/**
 * One search result; field names follow OpenClaw's {@code memory_search}.
 *
 * @param path workspace-relative path
 * @param startLine first line, 1-based inclusive
 * @param endLine last line, 1-based inclusive
 * @param score fused score, higher is better
 * @param snippet the matching text, at most 700 chars
 * @param source {@code memory} or the silo name
 * @param explanation why it matched, when asked for
 */
public record MemoryHit(
    String path,
    int startLine,
    int endLine,
    double score,
    String snippet,
    String source,
    Optional<Explanation> explanation) {

  /**
   * The parts of a fused score.
   *
   * @param bm25 BM25 relevance, or NaN if the keyword leg did not find it
   * @param cosine cosine similarity, or NaN if the vector leg did not find it
   * @param fused the fused score before decay and MMR
   * @param keywordRank 1-based rank in the keyword leg, 0 if absent
   * @param vectorRank 1-based rank in the vector leg, 0 if absent
   */
  public record Explanation(
      double bm25, double cosine, double fused, int keywordRank, int vectorRank) {}
}
