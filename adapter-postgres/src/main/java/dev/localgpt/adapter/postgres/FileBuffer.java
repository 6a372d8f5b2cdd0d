package dev.localgpt.adapter.postgres;

import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.NewChunk;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a bulk load not yet written: written together in one transaction once they hold
 * {@link #FLUSH_ROWS} rows, or when anything else is asked of the index. A path given twice keeps
 * its last chunks only, as two {@code replaceFile} calls would.
 */
final class FileBuffer {
  /** Rows (files and chunks) written per transaction at most, about 10 MB of text and vectors. */
  static final int FLUSH_ROWS = 2000;

  private final ChunkWriter writer;
  private final Map<String, Map.Entry<IndexedFile, List<NewChunk>>> files = new LinkedHashMap<>();
  private int rows;

  FileBuffer(ChunkWriter writer) {
    this.writer = writer;
  }

  synchronized void add(IndexedFile file, List<NewChunk> chunks) {
    Map.Entry<IndexedFile, List<NewChunk>> before = files.remove(file.path());
    if (before != null) {
      rows -= 1 + before.getValue().size();
    }
    files.put(file.path(), Map.entry(file, chunks));
    rows += 1 + chunks.size();
    if (rows >= FLUSH_ROWS) {
      flush();
    }
  }

  /** Writes what is buffered; a failure drops it (the transaction rolled back) and is thrown. */
  synchronized void flush() {
    if (files.isEmpty()) {
      return;
    }
    List<Map.Entry<IndexedFile, List<NewChunk>>> batch = List.copyOf(files.values());
    files.clear();
    rows = 0;
    writer.replaceFiles(batch);
  }
}
