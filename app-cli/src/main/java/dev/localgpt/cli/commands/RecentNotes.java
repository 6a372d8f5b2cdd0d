package dev.localgpt.cli.commands;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The newest {@code memory/*.md} files of a workspace, read from disk (the Markdown is the truth). */
final class RecentNotes {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(ZoneId.systemDefault());

  record Note(String path, String modified, String lastLine) {}

  private RecentNotes() {}

  static List<Note> newest(Path workspace, int count) {
    Path dir = workspace.resolve("memory");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".md") && Files.isRegularFile(f))
          .map(f -> new Object[] {f, modified(f)})
          .sorted(Comparator.comparingLong((Object[] a) -> (Long) a[1]).reversed())
          .limit(Math.max(0, count))
          .map(a -> note(workspace, (Path) a[0], (Long) a[1]))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private static Note note(Path workspace, Path file, long modified) {
    String last = "";
    try {
      List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          last = lines.get(i).strip();
          break;
        }
      }
    } catch (IOException e) {
      last = "(unreadable: " + e.getMessage() + ")";
    }
    String rel = workspace.relativize(file).toString().replace('\\', '/');
    return new Note(rel, TIME.format(Instant.ofEpochMilli(modified)), last);
  }
}
