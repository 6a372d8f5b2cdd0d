package dev.localgpt.core.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The newest daily notes ({@code memory/*.md}) of a workspace, read from disk (the Markdown is the
 * truth). Every file is reached through the workspace's {@link PathGuard}: a note that is a symlink
 * leading outside the workspace is left out.
 */
public final class RecentNotes {
  private static final String DIR = "memory";

  private final Workspace workspace;

  public RecentNotes(Workspace workspace) {
    this.workspace = Objects.requireNonNull(workspace, "'workspace' must not be null");
  }

  /**
   * One note.
   *
   * @param path workspace-relative, e.g. {@code memory/2024-01-02.md}
   * @param modified last modification time
   * @param lastLine the last non-empty line, stripped; empty for an empty file, {@code (unreadable:
   *     why)} when the file cannot be read
   */
  public record Note(String path, Instant modified, String lastLine) {
    public Note {
      Objects.requireNonNull(path, "'path' must not be null");
      Objects.requireNonNull(modified, "'modified' must not be null");
      Objects.requireNonNull(lastLine, "'lastLine' must not be null");
    }
  }

  /**
   * The {@code count} most recently modified notes, newest first; empty when {@code memory/} does
   * not exist.
   */
  public List<Note> newest(int count) {
    Path dir = workspace.guard().resolve(DIR);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Candidate> notes = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(f -> candidate(f.getFileName().toString()).ifPresent(notes::add));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    return notes.stream()
        .sorted(Comparator.comparingLong(Candidate::millis).reversed())
        .limit(Math.max(0, count))
        .map(c -> new Note(c.path(), Instant.ofEpochMilli(c.millis()), lastLine(c.file())))
        .toList();
  }

  private record Candidate(String path, Path file, long millis) {}

  private Optional<Candidate> candidate(String name) {
    if (!name.endsWith(".md")) {
      return Optional.empty();
    }
    String path = DIR + "/" + name;
    Path file;
    try {
      file = workspace.guard().resolve(path);
    } catch (PathEscapeException e) {
      return Optional.empty();
    }
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Candidate(path, file, Files.getLastModifiedTime(file).toMillis()));
    } catch (IOException e) {
      return Optional.of(new Candidate(path, file, 0));
    }
  }

  private static String lastLine(Path file) {
    try {
      List<String> lines =
          new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
      for (int i = lines.size() - 1; i >= 0; i--) {
        if (!lines.get(i).isBlank()) {
          return lines.get(i).strip();
        }
      }
      return "";
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
