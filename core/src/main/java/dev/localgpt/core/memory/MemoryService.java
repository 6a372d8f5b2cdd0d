package dev.localgpt.core.memory;

import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.memory.IndexException;
import dev.localgpt.ports.memory.IndexStats;
import dev.localgpt.ports.memory.IndexedFile;
import dev.localgpt.ports.memory.MemoryIndex;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The memory facade for the CLI, the server and the library: index, search, stats. A corrupt index
 * (an {@link IndexException} of kind CORRUPT) is recreated through {@link MemoryIndexes} and
 * rebuilt from the Markdown, then the operation is retried once.
 *
 * <p><b>How searching and indexing overlap.</b> Indexing runs one at a time (this object's lock);
 * searches never take that lock, so they run while an index run writes (the index is thread-safe;
 * SQLite readers see the last commit). A search answers from what is indexed: the keyword leg sees
 * every chunk written, the vector leg the chunks that have a vector, and {@link
 * SearchResult#pendingEmbeddings()} says how many do not yet. Before a one-shot search (the CLI's
 * {@code memory search}, the start of {@code chat}/{@code ask}) callers run {@link #update}: it
 * writes the keyword rows of every changed file (seconds even for a 20 MB note) and embeds only for
 * {@link #SEARCH_EMBED_BUDGET}; the rest is embedded by the next run ({@code memory reindex}, a
 * later search, a long-running process), which finds the chunks without a vector in the index. So a
 * search never waits minutes for embeddings.
 */
public final class MemoryService implements MemorySearch, AutoCloseable {
  /** How long {@link #update} may embed before a search; what is left waits for the next run. */
  public static final Duration SEARCH_EMBED_BUDGET = Duration.ofSeconds(3);

  private static final System.Logger LOG = System.getLogger(MemoryService.class.getName());

  private final MemoryIndexes indexes;
  private final MemoryIndexer indexer;
  private final HybridSearch search;
  private final SearchGate gate;
  private volatile MemoryIndex index;

  /** A service that runs at most one search per available core at once ({@link SearchGate}). */
  public MemoryService(
      MemoryIndexes indexes,
      MemoryIndexer indexer,
      Optional<Embedder> embedder,
      SearchSettings settings,
      Clock clock) {
    this(indexes, indexer, embedder, settings, clock, SearchGate.perCore());
  }

  MemoryService(
      MemoryIndexes indexes,
      MemoryIndexer indexer,
      Optional<Embedder> embedder,
      SearchSettings settings,
      Clock clock,
      SearchGate gate) {
    this.gate = gate;
    this.indexes = indexes;
    this.indexer = indexer;
    // Searches embed through a small LRU of recent queries; the indexer embeds with the model
    // directly.
    this.search =
        new HybridSearch(this::current, embedder.map(QueryEmbeddingCache::new), settings, clock);
  }

  /**
   * Indexes the workspace incrementally ({@code force}: re-chunk everything) and embeds every
   * chunk.
   */
  public IndexReport index(boolean force, IndexListener listener) {
    return run(force, null, listener);
  }

  /**
   * Brings the keyword rows up to date and embeds for at most {@code embedBudget} (see the class
   * comment); what is left is in {@link IndexReport#pendingVectors()}.
   */
  public IndexReport update(Duration embedBudget, IndexListener listener) {
    return run(false, embedBudget, listener);
  }

  private synchronized IndexReport run(
      boolean force, Duration embedBudget, IndexListener listener) {
    try {
      return indexer.index(current(), force, embedBudget, listener);
    } catch (IndexException e) {
      if (e.kind() != IndexException.Kind.CORRUPT) {
        throw e;
      }
      LOG.log(
          System.Logger.Level.WARNING,
          "memory index is corrupt, rebuilding from the Markdown: " + e.getMessage());
      recreate();
      return indexer.index(current(), true, embedBudget, listener);
    }
  }

  public IndexReport index() {
    return index(false, IndexListener.NONE);
  }

  @Override
  public List<MemoryHit> search(String query, SearchOptions options) {
    return find(query, options).hits();
  }

  /**
   * Searches, and says how many chunks the vector leg could not see yet; while some chunks wait for
   * their vector the vector leg counts in proportion to the chunks it can see (see the class
   * comment).
   */
  public SearchResult find(String query, SearchOptions options) {
    try {
      return findOnce(query, options);
    } catch (IndexException e) {
      if (e.kind() != IndexException.Kind.CORRUPT) {
        throw e;
      }
      synchronized (this) {
        LOG.log(
            System.Logger.Level.WARNING, "memory index is corrupt, rebuilding: " + e.getMessage());
        recreate();
        indexer.index(current(), true, SEARCH_EMBED_BUDGET, IndexListener.NONE);
      }
      return findOnce(query, options);
    }
  }

  private SearchResult findOnce(String query, SearchOptions options) {
    return gate.run(() -> findNow(query, options));
  }

  private SearchResult findNow(String query, SearchOptions options) {
    int pending = 0;
    double coverage = 1.0;
    // Counting every chunk costs a scan of the table per search (milliseconds at 100k chunks);
    // whether any chunk
    // waits for its vector is one look into the small index of pending chunks, and usually the
    // answer is no.
    if (indexer.embeds() && !current().chunksWithoutVector(1).isEmpty()) {
      IndexStats s = current().stats();
      pending = MemoryIndexer.pendingVectors(s);
      coverage = s.chunks() == 0 ? 1.0 : (double) s.embeddedChunks() / s.chunks();
    }
    return new SearchResult(search.search(query, options, coverage), pending);
  }

  public IndexStats stats() {
    return current().stats();
  }

  /**
   * How much of the indexed text the embedding model's window cuts off (chunks over the window,
   * share of text cut); empty without an embedder. Reads and re-chunks the files only when the
   * index was chunked another way.
   */
  public Optional<WindowCoverage> windowCoverage() {
    return indexer.windowCoverage(current());
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
          LOG.log(
              System.Logger.Level.WARNING,
              "memory index is corrupt, rebuilding from the Markdown: " + e.getMessage());
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
