package dev.localgpt.core.memory;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of an indexing run.
 *
 * @param filesScanned files found on disk
 * @param filesIndexed files (re-)chunked and written because they were new or changed
 * @param filesUnchanged files whose content was unchanged (skipped, or only their metadata
 *     refreshed)
 * @param filesSkipped unreadable, binary or non-UTF-8 files (see {@code warnings})
 * @param filesDeleted index entries removed because their file is gone or unreadable
 * @param chunks chunks written
 * @param embedded chunk texts embedded in this run
 * @param cached chunk vectors taken from the embedding cache
 * @param pendingVectors chunks still without a vector when the run ended (its embedding time budget
 *     ran out); keyword search finds them, the next run embeds them. 0 without an embedder
 * @param warnings one line per problem, naming the file and the fix
 * @param duration wall-clock time of the run
 */
public record IndexReport(
    int filesScanned,
    int filesIndexed,
    int filesUnchanged,
    int filesSkipped,
    int filesDeleted,
    int chunks,
    int embedded,
    int cached,
    int pendingVectors,
    List<String> warnings,
    Duration duration) {
  public IndexReport {
    warnings = List.copyOf(warnings);
  }
}
