package dev.localgpt.core.memory;

/** Follows an indexing run, e.g. to draw a progress bar. Called on the indexing thread; keep it quick. */
public interface IndexListener {
  /** A listener that ignores everything. */
  IndexListener NONE = progress -> {};

  /** Called after each file is done (indexed, unchanged or skipped). */
  void onProgress(IndexProgress progress);

  /** A file was skipped or a root could not be read; the run goes on. */
  default void onWarning(String warning) {}
}
