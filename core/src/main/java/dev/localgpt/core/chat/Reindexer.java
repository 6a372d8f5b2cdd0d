package dev.localgpt.core.chat;

import dev.localgpt.core.memory.IndexListener;
import dev.localgpt.core.memory.IndexReport;
import dev.localgpt.core.memory.MemoryService;

/** Rebuilds the memory index for {@code /reindex} and describes what it did in one line. */
@FunctionalInterface
public interface Reindexer {

  String reindex();

  /** A forced re-index of the workspace through the memory service. */
  static Reindexer of(MemoryService memory) {
    return () -> describe(memory.index(true, IndexListener.NONE));
  }

  static String describe(IndexReport r) {
    return "Reindexed "
        + r.filesScanned()
        + " files: "
        + r.filesIndexed()
        + " indexed, "
        + r.chunks()
        + " chunks, "
        + r.embedded()
        + " embedded, "
        + r.filesDeleted()
        + " removed in "
        + r.duration().toMillis()
        + " ms"
        + (r.warnings().isEmpty() ? "." : ".\n" + String.join("\n", r.warnings()));
  }
}
