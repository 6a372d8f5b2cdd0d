package dev.localgpt.ports.memory;

/**
 * A chunk found by one search leg.
 *
 * @param chunk the chunk
 * @param score higher is better: BM25 relevance (sign-flipped FTS5 rank, &gt;= 0) for keyword
 *     search, cosine similarity for vector search
 */
public record ScoredChunk(StoredChunk chunk, double score) {}
