package dev.localgpt.core.memory;

import dev.localgpt.core.workspace.PathEscapeException;
import dev.localgpt.core.workspace.PathGuard;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the indexer scans: the workspace ({@code MEMORY.md}, {@code memory/**}, every other {@code
 * *.md} outside hidden folders, and {@code knowledge/<silo>/**} as silo sources) plus extra roots.
 *
 * @param workspace the workspace folder
 * @param extraRoots further folders, e.g. from {@code memory.paths}
 */
public record IndexRoots(Path workspace, List<ExtraRoot> extraRoots) {
  public IndexRoots {
    Objects.requireNonNull(workspace, "'workspace' must not be null");
    extraRoots = List.copyOf(extraRoots);
  }

  public static IndexRoots of(Path workspace) {
    return new IndexRoots(workspace, List.of());
  }

  /**
   * The file behind an index path ({@code <label>/<rest>} for an extra root, else
   * workspace-relative), confined to its root by a {@link PathGuard}; empty when the path would
   * leave its root.
   */
  public Optional<Path> locate(String indexPath) {
    for (ExtraRoot extra : extraRoots) {
      if (indexPath.startsWith(extra.label() + "/")) {
        return confined(extra.root(), indexPath.substring(extra.label().length() + 1));
      }
    }
    return confined(workspace, indexPath);
  }

  private static Optional<Path> confined(Path root, String relative) {
    try {
      return Optional.of(PathGuard.of(root).resolve(relative));
    } catch (PathEscapeException e) {
      return Optional.empty();
    }
  }

  /**
   * A folder outside the workspace whose matching files are indexed as {@code <label>/<relative
   * path>} with source {@code memory}.
   *
   * @param root the folder
   * @param glob a glob over the path relative to {@code root}, e.g. {@code **}{@code /*.md}
   * @param label prefix of the index paths; no {@code /}
   */
  public record ExtraRoot(Path root, String glob, String label) {
    public ExtraRoot {
      Objects.requireNonNull(root, "'root' must not be null");
      Objects.requireNonNull(glob, "'glob' must not be null");
      if (label == null || label.isBlank() || label.contains("/")) {
        throw new IllegalArgumentException(
            "'label' must be a non-blank name without '/', was " + label);
      }
    }
  }
}
