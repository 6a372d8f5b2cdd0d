package dev.localgpt.adapter.sqlite;

/**
 * What the index knows about its vectors, mirrored from {@code meta}; changed only under the write
 * lock after a commit.
 *
 * @param model the declared embedding model, empty when none
 * @param dims the vector dimension, 0 when unknown
 * @param vecActive whether {@code chunks_vec} exists, is loaded and in sync (so k-NN may use
 *     sqlite-vec)
 * @param vecOnDisk whether a {@code chunks_vec} table exists in the file at all
 */
record IndexState(String model, int dims, boolean vecActive, boolean vecOnDisk) {}
