package dev.localgpt.core.memory;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * A glob over {@code /}-separated relative paths with the usual meaning of {@code **}: {@code
 * **}{@code /} stands for zero or more folders, so {@code **}{@code /*.md} matches {@code top.md}
 * as well as {@code a/b/deep.md} (Java's own glob needs at least one folder there). Everything else
 * is Java's glob syntax ({@code *}, {@code ?}, {@code {a,b}}, {@code [..]}).
 */
final class Glob {
  private static final String ANY_FOLDERS = "**/";

  private final List<PathMatcher> variants;

  private Glob(List<PathMatcher> variants) {
    this.variants = variants;
  }

  /** Compiles {@code pattern}; a bad pattern throws {@link IllegalArgumentException} naming it. */
  static Glob of(String pattern) {
    List<String> expanded = new ArrayList<>();
    expand(pattern, 0, expanded);
    List<PathMatcher> matchers = new ArrayList<>();
    for (String p : expanded) {
      try {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + p));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("bad glob '" + pattern + "': " + e.getMessage(), e);
      }
    }
    return new Glob(List.copyOf(matchers));
  }

  /** Whether {@code relative} (a {@code /}-separated path) matches. */
  boolean matches(String relative) {
    Path path = Path.of(relative);
    for (PathMatcher m : variants) {
      if (m.matches(path)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Each {@code **}{@code /} at a folder boundary is kept (one or more folders) or dropped (zero
   * folders).
   */
  private static void expand(String pattern, int from, List<String> out) {
    int at = pattern.indexOf(ANY_FOLDERS, from);
    while (at > 0 && pattern.charAt(at - 1) != '/') {
      at = pattern.indexOf(ANY_FOLDERS, at + 1);
    }
    if (at < 0) {
      out.add(pattern);
      return;
    }
    expand(pattern, at + ANY_FOLDERS.length(), out);
    expand(pattern.substring(0, at) + pattern.substring(at + ANY_FOLDERS.length()), at, out);
  }
}
