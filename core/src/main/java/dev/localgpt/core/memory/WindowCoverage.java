package dev.localgpt.core.memory;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.memory.MemoryIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * How much of the indexed text the embedding model's window cuts off: the tail of a chunk beyond
 * the window never reaches its vector, so the vector leg cannot find it (keyword search still can).
 *
 * @param window the most tokens of a chunk the model embeds
 * @param chunks chunks measured
 * @param chunksOverWindow chunks with more tokens than the window
 * @param cutShare share of all chunk tokens beyond the window, 0 to 1
 * @param upToDate whether the index was chunked by the current chunker; if not, the next indexing
 *     run re-chunks it
 */
public record WindowCoverage(
    int window, int chunks, int chunksOverWindow, double cutShare, boolean upToDate) {

  /** The share cut off, in percent. */
  public double cutPercent() {
    return cutShare * 100.0;
  }

  /**
   * The coverage of {@code index}, whose files {@code chunker} cuts now. An index chunked by this
   * chunker in the model's tokens has a vector per window of every chunk ({@link ChunkWindows}), so
   * nothing is cut (nothing is read); otherwise the files are re-chunked as the index holds them
   * (an index from before chunking versions were recorded: by characters) and measured against the
   * one vector per chunk such an index had.
   */
  static WindowCoverage of(
      MemoryIndex index, IndexRoots roots, MarkdownChunker chunker, Embedder embedder) {
    Optional<String> stored = index.chunkingVersion();
    boolean upToDate = stored.map(chunker.version()::equals).orElse(false);
    if (upToDate && chunker.measuresIn(embedder)) {
      return new WindowCoverage(embedder.maxTokens(), index.stats().chunks(), 0, 0, true);
    }
    MarkdownChunker built = stored.isEmpty() ? new MarkdownChunker(chunker.settings()) : chunker;
    return measure(roots, built, embedder, upToDate);
  }

  /**
   * Measures the chunks {@code chunker} makes of the files under {@code roots} against {@code
   * embedder}'s window. Unreadable and non-UTF-8 files are skipped, as the indexer skips them.
   */
  static WindowCoverage measure(
      IndexRoots roots, MarkdownChunker chunker, Embedder embedder, boolean upToDate) {
    int window = embedder.maxTokens();
    int chunks = 0;
    int over = 0;
    long tokens = 0;
    long cut = 0;
    List<SourceFile> files = new WorkspaceScanner(roots).scan(w -> {});
    for (SourceFile f : files) {
      String text;
      try {
        text = TextFiles.decode(Files.readAllBytes(f.file()), new String[1]);
      } catch (IOException e) {
        continue;
      }
      if (text == null) {
        continue;
      }
      for (Chunk c : chunker.chunk(f.path(), text)) {
        int t = embedder.tokenCount(c.text());
        chunks++;
        tokens += t;
        if (t > window) {
          over++;
          cut += t - window;
        }
      }
    }
    return new WindowCoverage(
        window, chunks, over, tokens == 0 ? 0 : (double) cut / tokens, upToDate);
  }
}
