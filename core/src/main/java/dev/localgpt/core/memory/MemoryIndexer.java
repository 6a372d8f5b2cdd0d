package dev.localgpt.core.memory;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.MemoryIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Brings a {@link MemoryIndex} up to date with the files on disk, incrementally: files whose size and modification
 * time match the index are skipped without reading; changed files are hashed, re-chunked and written with one
 * {@link MemoryIndex#replaceFile} each (so a crash never leaves half a file); only chunk texts missing from the
 * embedding cache are embedded, in batches across files; vanished files are deleted. Binary and non-UTF-8 files are
 * skipped with a warning. Works without an embedder (keyword-only). Not thread-safe: one run at a time.
 */
public final class MemoryIndexer {
  /** Texts per embedder call unless configured otherwise. */
  public static final int DEFAULT_BATCH_SIZE = 32;

  private final WorkspaceScanner scanner;
  private final MarkdownChunker chunker;
  private final Optional<Embedder> embedder;
  private final int batchSize;

  public MemoryIndexer(IndexRoots roots, MarkdownChunker chunker, Optional<Embedder> embedder, int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("'batchSize' must be > 0, was " + batchSize);
    }
    this.scanner = new WorkspaceScanner(roots);
    this.chunker = chunker;
    this.embedder = embedder;
    this.batchSize = batchSize;
  }

  /**
   * Runs once. {@code force} re-reads and re-chunks every file (vectors still come from the cache).
   *
   * @throws dev.localgpt.ports.memory.IndexException from the index; on kind CORRUPT rebuild the index and rerun
   * @throws dev.localgpt.ports.embedding.EmbeddingException if the embedder fails
   */
  public IndexReport index(MemoryIndex index, boolean force, IndexListener listener) {
    long started = System.nanoTime();
    List<String> warnings = new ArrayList<>();
    embedder.ifPresent(e -> index.useEmbeddingModel(e.modelId(), e.dimension()));
    Map<String, IndexedFile> known = new HashMap<>();
    for (IndexedFile f : index.files()) {
      known.put(f.path(), f);
    }
    List<SourceFile> found = scanner.scan(w -> warn(w, warnings, listener));
    Set<String> onDisk = new HashSet<>();
    found.forEach(f -> onDisk.add(f.path()));

    int[] counts = new int[6]; // done, indexed, unchanged, skipped, deleted, chunks
    for (String path : known.keySet()) {
      if (!onDisk.contains(path)) {
        index.deleteFile(path);
        counts[4]++;
      }
    }
    EmbeddingBatcher[] holder = new EmbeddingBatcher[1];
    Runnable progress = () -> listener.onProgress(new IndexProgress(counts[0], found.size(), counts[5],
        holder[0] == null ? 0 : holder[0].embedded, Duration.ofNanos(System.nanoTime() - started)));
    Set<String> sameContent = new HashSet<>();
    EmbeddingBatcher batcher = new EmbeddingBatcher(index, embedder.orElse(null), batchSize, (file, chunks) -> {
      counts[0]++;
      counts[sameContent.contains(file.path()) ? 2 : 1]++;
      counts[5] += chunks;
      progress.run();
    });
    holder[0] = batcher;
    for (SourceFile f : found) {
      IndexedFile old = known.get(f.path());
      if (!force && old != null && old.size() == f.size() && old.modifiedMillis() == f.modifiedMillis()) {
        counts[0]++;
        counts[2]++;
        progress.run();
        continue;
      }
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(f.file());
      } catch (NoSuchFileException e) {
        deleteIfKnown(index, old, counts);
        counts[0]++;
        progress.run();
        continue;
      } catch (IOException e) {
        warn("cannot read " + f.path() + ": " + e.getMessage() + " (skipped; check permissions)", warnings, listener);
        counts[0]++;
        counts[3]++;
        progress.run();
        continue;
      }
      String[] why = new String[1];
      String text = TextFiles.decode(bytes, why);
      if (text == null) {
        warn("skipped " + f.path() + ": " + why[0] + " (only UTF-8 text is indexed)", warnings, listener);
        deleteIfKnown(index, old, counts);
        counts[0]++;
        counts[3]++;
        progress.run();
        continue;
      }
      String hash = Hashes.sha256(bytes);
      if (!force && old != null && old.hash().equals(hash)) {
        sameContent.add(f.path());
      }
      IndexedFile file = new IndexedFile(f.path(), f.source(), hash, f.modifiedMillis(), bytes.length);
      batcher.add(file, chunker.chunk(f.path(), text));
    }
    batcher.finish();
    return new IndexReport(found.size(), counts[1], counts[2], counts[3], counts[4], counts[5],
        batcher.embedded, batcher.cached, warnings, Duration.ofNanos(System.nanoTime() - started));
  }

  private static void deleteIfKnown(MemoryIndex index, IndexedFile old, int[] counts) {
    if (old != null) {
      index.deleteFile(old.path());
      counts[4]++;
    }
  }

  private static void warn(String warning, List<String> warnings, IndexListener listener) {
    warnings.add(warning);
    listener.onWarning(warning);
  }
}
