package dev.localgpt.core.memory;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.memory.IndexStats;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.MemoryIndex;
import dev.localgpt.ports.memory.NewChunk;
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
 * Brings a {@link MemoryIndex} up to date with the files on disk, incrementally, in two phases.
 *
 * <ol>
 *   <li><b>Keywords</b>: files whose size and modification time match the index are skipped without
 *       reading; changed files are hashed, re-chunked and written with one {@link
 *       MemoryIndex#replaceFile} each (so a crash never leaves half a file), without vectors;
 *       vanished files are deleted. After this phase keyword search sees every note, however big.
 *   <li><b>Vectors</b> ({@link EmbeddingBatcher}): every chunk without a vector, from this run or
 *       an interrupted earlier one, gets one from the embedding cache or the embedder, a bounded
 *       batch at a time, optionally within a time budget; what the budget leaves is embedded by the
 *       next run.
 * </ol>
 *
 * <p>When the chunker's {@link MarkdownChunker#version() version} differs from the one the index
 * recorded (another chunk size, model or cutting rules, or an index from before versions were
 * kept), the keyword phase re-chunks every file as if forced, and records the new version when it
 * is done; vectors of unchanged chunk texts still come from the embedding cache. Until then the old
 * chunks keep answering searches.
 *
 * <p>Binary and non-UTF-8 files are skipped with a warning. Works without an embedder
 * (keyword-only, no vector phase). Not thread-safe: one run at a time.
 */
public final class MemoryIndexer {
  /** Texts per embedder call unless configured otherwise. */
  public static final int DEFAULT_BATCH_SIZE = 32;

  private final IndexRoots roots;
  private final WorkspaceScanner scanner;
  private final MarkdownChunker chunker;
  private final Optional<Embedder> embedder;
  private final int batchSize;

  public MemoryIndexer(
      IndexRoots roots, MarkdownChunker chunker, Optional<Embedder> embedder, int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("'batchSize' must be > 0, was " + batchSize);
    }
    this.roots = roots;
    this.scanner = new WorkspaceScanner(roots);
    this.chunker = chunker;
    this.embedder = embedder;
    this.batchSize = batchSize;
  }

  /** Whether the vector phase runs, i.e. an embedder is configured. */
  public boolean embeds() {
    return embedder.isPresent();
  }

  /** The chunker the keyword phase cuts files with. */
  public MarkdownChunker chunker() {
    return chunker;
  }

  /**
   * How much text the embedder's window cuts off in {@code index} ({@link WindowCoverage#of});
   * empty without one.
   */
  public Optional<WindowCoverage> windowCoverage(MemoryIndex index) {
    return embedder.map(e -> WindowCoverage.of(index, roots, chunker, e));
  }

  /**
   * Runs both phases to the end. {@code force} re-reads and re-chunks every file (vectors still
   * come from the cache).
   *
   * @throws dev.localgpt.ports.memory.IndexException from the index; on kind CORRUPT rebuild the
   *     index and rerun
   * @throws dev.localgpt.ports.embedding.EmbeddingException if the embedder fails
   */
  public IndexReport index(MemoryIndex index, boolean force, IndexListener listener) {
    return index(index, force, null, listener);
  }

  /**
   * Runs the keyword phase to the end and the vector phase for at most {@code embedBudget} (null:
   * no limit; at least one batch is embedded when there is work); {@link
   * IndexReport#pendingVectors()} says what is left.
   */
  public IndexReport index(
      MemoryIndex index, boolean force, Duration embedBudget, IndexListener listener) {
    long started = System.nanoTime();
    List<String> warnings = new ArrayList<>();
    embedder.ifPresent(e -> index.useEmbeddingModel(e.modelId(), e.dimension()));
    Map<String, IndexedFile> known = new HashMap<>();
    for (IndexedFile f : index.files()) {
      known.put(f.path(), f);
    }
    String version = chunker.version();
    boolean rechunk = force || !index.chunkingVersion().map(version::equals).orElse(false);
    List<SourceFile> found = scanner.scan(w -> warn(w, warnings, listener));
    Set<String> onDisk = new HashSet<>();
    found.forEach(f -> onDisk.add(f.path()));

    Counts n = new Counts();
    for (String path : known.keySet()) {
      if (!onDisk.contains(path)) {
        index.deleteFile(path);
        n.deleted++;
      }
    }
    for (SourceFile f : found) {
      keywords(index, f, known.get(f.path()), rechunk, n, warnings, listener);
      n.done++;
      listener.onProgress(
          new IndexProgress(
              IndexProgress.Phase.KEYWORDS,
              n.done,
              found.size(),
              n.chunks,
              0,
              0,
              Duration.ofNanos(System.nanoTime() - started)));
    }
    if (rechunk && !index.chunkingVersion().map(version::equals).orElse(false)) {
      index.useChunkingVersion(version);
    }
    int pending = 0;
    EmbeddingBatcher batcher = null;
    if (embedder.isPresent()) {
      batcher = new EmbeddingBatcher(index, embedder.get(), batchSize);
      int total = pendingVectors(index.stats());
      if (total > 0) {
        long phaseStart = System.nanoTime();
        batcher.run(
            embedBudget == null ? Long.MAX_VALUE : embedBudget.toNanos(),
            stored ->
                listener.onProgress(
                    new IndexProgress(
                        IndexProgress.Phase.VECTORS,
                        n.done,
                        found.size(),
                        n.chunks,
                        stored,
                        total,
                        Duration.ofNanos(System.nanoTime() - phaseStart))));
        pending = Math.max(0, total - batcher.stored);
      }
    }
    return new IndexReport(
        found.size(),
        n.indexed,
        n.unchanged,
        n.skipped,
        n.deleted,
        n.chunks,
        batcher == null ? 0 : batcher.embedded,
        batcher == null ? 0 : batcher.cached,
        pending,
        warnings,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /** Chunks without a vector according to {@code stats}. */
  static int pendingVectors(IndexStats stats) {
    return Math.max(0, stats.chunks() - stats.embeddedChunks());
  }

  private static final class Counts {
    int done;
    int indexed;
    int unchanged;
    int skipped;
    int deleted;
    int chunks;
  }

  /** The keyword phase for one file. */
  private void keywords(
      MemoryIndex index,
      SourceFile f,
      IndexedFile old,
      boolean force,
      Counts n,
      List<String> warnings,
      IndexListener listener) {
    if (!force
        && old != null
        && old.size() == f.size()
        && old.modifiedMillis() == f.modifiedMillis()) {
      n.unchanged++;
      return;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(f.file());
    } catch (NoSuchFileException e) {
      deleteIfKnown(index, old, n);
      return;
    } catch (IOException e) {
      warn(
          "cannot read " + f.path() + ": " + e.getMessage() + " (skipped; check permissions)",
          warnings,
          listener);
      n.skipped++;
      return;
    }
    String[] why = new String[1];
    String text = TextFiles.decode(bytes, why);
    if (text == null) {
      warn(
          "skipped " + f.path() + ": " + why[0] + " (only UTF-8 text is indexed)",
          warnings,
          listener);
      deleteIfKnown(index, old, n);
      n.skipped++;
      return;
    }
    String hash = Hashes.sha256(bytes);
    long size = bytes.length;
    bytes = null; // the decoded text and its chunks are all this file needs from here on
    List<Chunk> chunks = chunker.chunk(f.path(), text);
    List<NewChunk> rows = new ArrayList<>(chunks.size());
    for (Chunk c : chunks) {
      rows.add(new NewChunk(c.startLine(), c.endLine(), c.headingPath(), c.text(), c.hash(), null));
    }
    index.replaceFile(new IndexedFile(f.path(), f.source(), hash, f.modifiedMillis(), size), rows);
    n.chunks += rows.size();
    if (!force && old != null && old.hash().equals(hash)) {
      n.unchanged++;
    } else {
      n.indexed++;
    }
  }

  private static void deleteIfKnown(MemoryIndex index, IndexedFile old, Counts n) {
    if (old != null) {
      index.deleteFile(old.path());
      n.deleted++;
    }
  }

  private static void warn(String warning, List<String> warnings, IndexListener listener) {
    warnings.add(warning);
    listener.onWarning(warning);
  }
}
