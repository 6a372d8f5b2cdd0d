package dev.localgpt.core.memory;

import dev.localgpt.ports.memory.IndexedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Lines and chunks of each indexed file, read from the file on disk and chunked as the indexer
 * chunks it (cheap, and no model is needed). Files are found through {@link IndexRoots#locate}, so
 * nothing outside the roots is read.
 */
public final class MemoryFileStats {
  private final IndexRoots roots;
  private final MarkdownChunker chunker;

  public MemoryFileStats(IndexRoots roots, MarkdownChunker chunker) {
    this.roots = Objects.requireNonNull(roots, "'roots' must not be null");
    this.chunker = Objects.requireNonNull(chunker, "'chunker' must not be null");
  }

  /**
   * One file.
   *
   * @param path the index path
   * @param source {@code memory} or the knowledge silo
   * @param lines lines of the file now; 0 when it is gone or unreadable
   * @param chunks chunks the file makes now; 0 when it is gone or unreadable
   */
  public record FileStat(String path, String source, long lines, int chunks) {}

  /** The stats of {@code files}, sorted by path. */
  public List<FileStat> of(List<IndexedFile> files) {
    return files.stream().sorted(Comparator.comparing(IndexedFile::path)).map(this::one).toList();
  }

  private FileStat one(IndexedFile f) {
    Optional<String> text = roots.locate(f.path()).flatMap(MemoryFileStats::read);
    return new FileStat(
        f.path(),
        f.source(),
        text.map(t -> t.lines().count()).orElse(0L),
        text.map(t -> chunker.chunk(f.path(), t).size()).orElse(0));
  }

  private static Optional<String> read(Path file) {
    try {
      return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
