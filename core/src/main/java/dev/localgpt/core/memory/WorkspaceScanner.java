package dev.localgpt.core.memory;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Lists the files to index with their size and modification time, in one directory walk per root
 * (no extra stat calls). Symlinks and hidden files and folders are skipped.
 */
final class WorkspaceScanner {
  static final String MEMORY_SOURCE = "memory";
  private static final String KNOWLEDGE = "knowledge/";

  private final IndexRoots roots;

  WorkspaceScanner(IndexRoots roots) {
    this.roots = roots;
  }

  List<SourceFile> scan(Consumer<String> warnings) {
    List<SourceFile> out = new ArrayList<>();
    Path ws = roots.workspace();
    if (Files.isDirectory(ws)) {
      walk(
          ws,
          warnings,
          (file, rel, attrs) -> {
            String source = sourceOf(rel);
            if (accepts(rel, source)) {
              out.add(
                  new SourceFile(
                      file, rel, source, attrs.size(), attrs.lastModifiedTime().toMillis()));
            }
          });
    } else {
      warnings.accept(
          "workspace " + ws + " does not exist: nothing to index (create it or fix the path)");
    }
    for (IndexRoots.ExtraRoot extra : roots.extraRoots()) {
      if (!Files.isDirectory(extra.root())) {
        warnings.accept(
            "extra root " + extra.root() + " is not a folder: skipped (fix memory.paths)");
        continue;
      }
      Glob glob;
      try {
        glob = Glob.of(extra.glob());
      } catch (IllegalArgumentException e) {
        warnings.accept(
            e.getMessage() + ": " + extra.root() + " skipped (fix the pattern in memory.paths)");
        continue;
      }
      walk(
          extra.root(),
          warnings,
          (file, rel, attrs) -> {
            if (glob.matches(rel)) {
              out.add(
                  new SourceFile(
                      file,
                      extra.label() + "/" + rel,
                      MEMORY_SOURCE,
                      attrs.size(),
                      attrs.lastModifiedTime().toMillis()));
            }
          });
    }
    return out;
  }

  /**
   * The source of a workspace-relative path: the silo for {@code knowledge/<silo>/**}, {@code
   * memory} for everything else, including notes directly in {@code knowledge/}.
   */
  static String sourceOf(String rel) {
    if (rel.startsWith(KNOWLEDGE)) {
      int slash = rel.indexOf('/', KNOWLEDGE.length());
      return slash < 0 ? MEMORY_SOURCE : rel.substring(KNOWLEDGE.length(), slash);
    }
    return MEMORY_SOURCE;
  }

  private static boolean accepts(String rel, String source) {
    String lower = rel.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".md")) {
      return true;
    }
    return !source.equals(MEMORY_SOURCE) && (lower.endsWith(".markdown") || lower.endsWith(".txt"));
  }

  private interface Visitor {
    void visit(Path file, String relative, BasicFileAttributes attrs);
  }

  private static void walk(Path root, Consumer<String> warnings, Visitor visitor) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              boolean hidden = !dir.equals(root) && dir.getFileName().toString().startsWith(".");
              return hidden ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && !file.getFileName().toString().startsWith(".")) {
                visitor.visit(file, root.relativize(file).toString().replace('\\', '/'), attrs);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              warnings.accept(
                  "cannot read " + file + ": " + e.getMessage() + " (skipped; check permissions)");
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      warnings.accept("cannot scan " + root + ": " + e.getMessage());
    }
  }
}
