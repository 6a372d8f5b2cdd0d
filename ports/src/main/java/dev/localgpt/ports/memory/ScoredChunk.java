package dev.localgpt.ports.memory;

/**
 * A chunk found by one search leg.
 *
 * @param chunk the chunk
 * @param score higher is better: for keyword search relevance on BM25's scale (&gt;= 0; SQLite's
 *     sign-flipped FTS5 rank, PostgreSQL's {@code ts_rank} with every weight 1), for vector search
 *     cosine similarity
 */
public record ScoredChunk(StoredChunk chunk, double score) {}
