package dev.localgpt.core.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The one place that decides whether a path is inside the allowed roots (the workspace, plus
 * configured extra roots). Every file access made on behalf of a user or a model goes through
 * {@link #resolve}.
 *
 * <p>Rejected: absolute paths, {@code ..} segments, and paths whose real location (after following
 * symlinks of the existing part) leaves every root.
 */
public final class PathGuard {
  private final List<Path> roots;

  /** {@code roots.get(0)} is the base that relative paths resolve against. */
  public PathGuard(List<Path> roots) {
    if (roots.isEmpty()) {
      throw new IllegalArgumentException("'roots' must not be empty");
    }
    this.roots = roots.stream().map(PathGuard::realOrNormalized).toList();
  }

  public static PathGuard of(Path workspace) {
    return new PathGuard(List.of(workspace));
  }

  public Path base() {
    return roots.get(0);
  }

  /**
   * Resolves a relative path inside the base root.
   *
   * @throws PathEscapeException naming the path and why it is refused
   */
  public Path resolve(String relative) {
    if (relative == null || relative.isBlank()) {
      throw new PathEscapeException("empty path: give a path relative to the workspace");
    }
    Path given = Path.of(relative);
    if (given.isAbsolute() || relative.startsWith("~")) {
      throw new PathEscapeException(
          "absolute path '" + relative + "' refused: give a path relative to the workspace");
    }
    for (Path part : given) {
      if (part.toString().equals("..")) {
        throw new PathEscapeException("path '" + relative + "' refused: '..' is not allowed");
      }
    }
    Path candidate = base().resolve(given).normalize();
    Path real = realOfExistingPrefix(candidate);
    if (roots.stream().noneMatch(real::startsWith)) {
      throw new PathEscapeException(
          "path '" + relative + "' refused: it leads outside the workspace (symlink?)");
    }
    return candidate;
  }

  /** Whether an already-resolved path lies inside a root (symlinks followed). */
  public boolean contains(Path path) {
    Path real = realOfExistingPrefix(path.toAbsolutePath().normalize());
    return roots.stream().anyMatch(real::startsWith);
  }

  /** The workspace-relative form of a path inside the base root, with {@code /} separators. */
  public String relativize(Path path) {
    return base().relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  /**
   * Follows symlinks for the part of the path that exists, keeps the rest as written. A dangling
   * symlink is followed to where it points, so writing through it cannot create a file outside the
   * roots.
   */
  private static Path realOfExistingPrefix(Path path) {
    return realOfExistingPrefix(path, 0);
  }

  private static Path realOfExistingPrefix(Path path, int depth) {
    Path existing = path;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return path;
    }
    Path rest = existing.relativize(path);
    try {
      return existing.toRealPath().resolve(rest).normalize();
    } catch (NoSuchFileException dangling) {
      if (depth > 40 || !Files.isSymbolicLink(existing)) {
        throw new PathEscapeException("path '" + path + "' refused: cannot resolve its symlinks");
      }
      try {
        Path target = existing.getParent().resolve(Files.readSymbolicLink(existing)).normalize();
        return realOfExistingPrefix(target.resolve(rest).normalize(), depth + 1);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot resolve " + existing, e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + existing, e);
    }
  }

  private static Path realOrNormalized(Path root) {
    Path absolute = root.toAbsolutePath().normalize();
    try {
      return Files.exists(absolute) ? absolute.toRealPath() : absolute;
    } catch (IOException e) {
      return absolute;
    }
  }
}
