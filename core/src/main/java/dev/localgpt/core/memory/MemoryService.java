package dev.localgpt.core.memory;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.memory.IndexException;
import dev.localgpt.ports.memory.IndexStats;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.MemoryIndex;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The memory facade for the CLI, the server and the library: index, search, stats. A corrupt index (an
 * {@link IndexException} of kind CORRUPT) is recreated through {@link MemoryIndexes} and rebuilt from the Markdown,
 * then the operation is retried once. Indexing runs one at a time; searches may run while indexing.
 */
public final class MemoryService implements MemorySearch, AutoCloseable {
  private static final System.Logger LOG = System.getLogger(MemoryService.class.getName());

  private final MemoryIndexes indexes;
  private final MemoryIndexer indexer;
  private final HybridSearch search;
  private volatile MemoryIndex index;

  public MemoryService(
      MemoryIndexes indexes, MemoryIndexer indexer, Optional<Embedder> embedder, SearchSettings settings, Clock clock) {
    this.indexes = indexes;
    this.indexer = indexer;
    this.search = new HybridSearch(this::current, embedder, settings, clock);
  }

  /** Indexes the workspace incrementally ({@code force}: re-chunk everything). */
  public synchronized IndexReport index(boolean force, IndexListener listener) {
    try {
      return indexer.index(current(), force, listener);
    } catch (IndexException e) {
      if (e.kind() != IndexException.Kind.CORRUPT) {
        throw e;
      }
      LOG.log(System.Logger.Level.WARNING, "memory index is corrupt, rebuilding from the Markdown: " + e.getMessage());
      recreate();
      return indexer.index(current(), true, listener);
    }
  }

  public IndexReport index() {
    return index(false, IndexListener.NONE);
  }

  @Override
  public List<MemoryHit> search(String query, SearchOptions options) {
    try {
      return search.search(query, options);
    } catch (IndexException e) {
      if (e.kind() != IndexException.Kind.CORRUPT) {
        throw e;
      }
      synchronized (this) {
        LOG.log(System.Logger.Level.WARNING, "memory index is corrupt, rebuilding: " + e.getMessage());
        recreate();
        indexer.index(current(), true, IndexListener.NONE);
      }
      return search.search(query, options);
    }
  }

  public IndexStats stats() {
    return current().stats();
  }

  /** The {@code limit} most recently modified indexed files, newest first. */
  public List<IndexedFile> recent(int limit) {
    return current().files().stream()
        .sorted(Comparator.comparingLong(IndexedFile::modifiedMillis).reversed())
        .limit(limit)
        .toList();
  }

  public SearchSettings searchSettings() {
    return search.settings();
  }

  private MemoryIndex current() {
    MemoryIndex i = index;
    if (i != null) {
      return i;
    }
    synchronized (this) {
      if (index == null) {
        try {
          index = indexes.open();
        } catch (IndexException e) {
          if (e.kind() != IndexException.Kind.CORRUPT) {
            throw e;
          }
          LOG.log(System.Logger.Level.WARNING, "memory index is corrupt, rebuilding from the Markdown: "
              + e.getMessage());
          index = indexes.recreate();
        }
      }
      return index;
    }
  }

  private synchronized void recreate() {
    MemoryIndex old = index;
    index = null;
    if (old != null) {
      try {
        old.close();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.DEBUG, "closing the damaged index failed: " + e.getMessage());
      }
    }
    index = indexes.recreate();
  }

  @Override
  public synchronized void close() {
    if (index != null) {
      index.close();
      index = null;
    }
  }
}
