package dev.localgpt.core.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * The notes the indexer would index, counted by the same scan it uses, so {@code workspace status},
 * {@code memory stats} and {@code memory reindex} agree.
 */
public final class MemoryFiles {
  private MemoryFiles() {}

  /**
   * What a scan found.
   *
   * @param notes files that are indexed (workspace Markdown, silo files, extra roots)
   * @param dailyNotes of those, the ones under {@code memory/}
   * @param warnings roots that could not be read
   */
  public record Census(int notes, int dailyNotes, List<String> warnings) {
    public Census {
      warnings = List.copyOf(warnings);
    }
  }

  /** Scans {@code roots} without reading any file. */
  public static Census census(IndexRoots roots) {
    List<String> warnings = new ArrayList<>();
    List<SourceFile> found = new WorkspaceScanner(roots).scan(warnings::add);
    int daily =
        (int)
            found.stream()
                .filter(
                    f -> f.path().startsWith("memory/") && f.file().startsWith(roots.workspace()))
                .count();
    return new Census(found.size(), daily, warnings);
  }
}
