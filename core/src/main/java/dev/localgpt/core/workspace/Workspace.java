package dev.localgpt.core.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Markdown workspace: the user's memory files in the OpenClaw layout. {@link #init()} seeds
 * what is missing and never overwrites; {@link #guard()} confines every path to the workspace.
 */
public final class Workspace {
  private final Path root;
  private final PathGuard guard;

  public Workspace(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.guard = PathGuard.of(this.root);
  }

  public Path root() {
    return root;
  }

  /** The one place that decides whether a path is inside the workspace. */
  public PathGuard guard() {
    return guard;
  }

  /**
   * Creates the workspace directory, the template files and the folders that are missing (dirs
   * 0700, files 0600). Existing files are never touched. Safe to call on every start.
   */
  public InitResult init() {
    List<String> created = new ArrayList<>();
    if (!PrivateFiles.createDirectories(root).isEmpty()) {
      created.add("./");
    }
    for (String name : WorkspaceTemplates.FILES) {
      if (Files.exists(root.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      if (PrivateFiles.writeIfAbsent(guard.resolve(name), WorkspaceTemplates.text(name))) {
        created.add(name);
      }
    }
    for (String dir : WorkspaceTemplates.DIRECTORIES) {
      if (!PrivateFiles.createDirectories(guard.resolve(dir)).isEmpty()) {
        created.add(dir + "/");
      }
    }
    return new InitResult(root, created);
  }

  /**
   * What {@link #init()} created (workspace-relative; directories end in {@code /}); empty when all
   * existed.
   */
  public record InitResult(Path root, List<String> created) {
    public InitResult {
      created = List.copyOf(created);
    }
  }

  /**
   * The workspace-relative path of the daily note for {@code date}: {@code memory/YYYY-MM-DD.md}.
   */
  public static String dailyNotePath(LocalDate date) {
    return "memory/" + date + ".md";
  }

  /** The absolute path of the daily note for {@code date} (the file may not exist yet). */
  public Path dailyNote(LocalDate date) {
    return guard.resolve(dailyNotePath(date));
  }

  /** A snapshot of the workspace for {@code workspace status}. */
  public Status status() {
    List<String> missing = new ArrayList<>();
    for (String name : WorkspaceTemplates.FILES) {
      if (!Files.isRegularFile(root.resolve(name))) {
        missing.add(name);
      }
    }
    for (String dir : WorkspaceTemplates.DIRECTORIES) {
      if (!Files.isDirectory(root.resolve(dir))) {
        missing.add(dir + "/");
      }
    }
    return new Status(root, Files.isDirectory(root), missing, count(root.resolve("memory"), ".md"));
  }

  /**
   * What exists of the workspace. The notes the index holds are counted by {@code
   * dev.localgpt.core.memory.MemoryFiles}, the same scan the indexer uses.
   *
   * @param dailyNotes {@code .md} files under {@code memory/} (0 for a brand-new workspace)
   */
  public record Status(Path root, boolean exists, List<String> missing, long dailyNotes) {
    public Status {
      missing = List.copyOf(missing);
    }

    /** Whether everything the templates provide is present. */
    public boolean complete() {
      return exists && missing.isEmpty();
    }
  }

  private static long count(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .count();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }
}
