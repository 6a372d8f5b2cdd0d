package dev.localgpt.ports.memory;

/**
 * Size and state of an index.
 *
 * @param files indexed files
 * @param chunks stored chunks
 * @param embeddedChunks chunks that have a vector
 * @param sizeBytes bytes on disk (0 for in-memory indexes)
 * @param embeddingModel id of the model the vectors came from, empty if none
 * @param vectorBackend how k-NN runs, e.g. {@code sqlite-vec} or {@code java}
 */
public record IndexStats(
    int files,
    int chunks,
    int embeddedChunks,
    long sizeBytes,
    String embeddingModel,
    String vectorBackend) {}
