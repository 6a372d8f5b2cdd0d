package dev.localgpt.adapter.embeddings;

/**
 * How one onnxruntime session runs: its intra-op threads and whether it keeps onnxruntime's CPU
 * memory arena. Two uses differ (docs/benchmarks.md, "The rest of a search's CPU"): a query is one
 * short text, where a second thread only adds hand-off work and a server's concurrent searches keep
 * the cores busy anyway; an indexing batch is 32 texts of up to 256 tokens, whose tensors (~100 MB
 * of attention scores) are fresh {@code mmap}s and page faults on every run without the arena.
 *
 * @param threads intra-op threads, > 0 (1 runs on the calling thread, no pool)
 * @param arena whether the session keeps onnxruntime's CPU arena (memory kept for reuse)
 */
record SessionSettings(int threads, boolean arena) {
  /** Single texts (queries): the calling thread only, no arena, so the idle footprint is small. */
  static final SessionSettings QUERY = new SessionSettings(1, false);

  SessionSettings {
    if (threads < 1) {
      throw new IllegalArgumentException("'threads' must be > 0, was " + threads);
    }
  }

  /** Batches (indexing): {@code threads} intra-op threads and the arena. */
  static SessionSettings batch(int threads) {
    return new SessionSettings(threads, true);
  }
}
