package dev.localgpt.core.memory;

/**
 * Follows an indexing run, e.g. to draw a progress bar. Called on the indexing thread; keep it
 * quick.
 */
public interface IndexListener {
  /** A listener that ignores everything. */
  IndexListener NONE = progress -> {};

  /**
   * Called after each file of the keyword phase and after each embedded batch of the vector phase
   * (see {@link IndexProgress.Phase}).
   */
  void onProgress(IndexProgress progress);

  /** A file was skipped or a root could not be read; the run goes on. */
  default void onWarning(String warning) {}
}
