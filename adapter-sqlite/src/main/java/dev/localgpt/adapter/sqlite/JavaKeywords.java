package dev.localgpt.adapter.sqlite;

import dev.localgpt.ports.memory.SearchScope;
import java.lang.System.Logger.Level;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * When the keyword leg is answered from the in-memory {@link KeywordIndex} instead of FTS5. FTS5
 * stays the persistent truth and answers whenever the index is not there: before it is built, while
 * it builds, after a build failed or was refused for want of heap, and for a query term that FTS5
 * would read as a phrase of several tokens.
 *
 * <p>The index is built in the background, starting with the {@code startAfter}-th keyword search
 * of this process, so a one-shot CLI search (one keyword search) never pays for it, while a daemon
 * or a chat session does it once. The build holds the write lock (in-process writes wait; searches
 * do not). After that, {@link #apply} mirrors every in-process commit; another process's commits
 * make the index {@link #invalidate()}d and rebuilt.
 */
final class JavaKeywords {
  private static final System.Logger LOG = System.getLogger(JavaKeywords.class.getName());

  /**
   * System property that turns the in-memory index off when {@code false} (FTS5 answers every
   * keyword search): an escape hatch, and the "before" of benchmarks.
   */
  static final String PROPERTY = "localgpt.sqlite.javaKeywords";

  /** One chunk's text, as added by a commit. */
  record Added(long id, String source, String text) {}

  private final Database db;
  private final AtomicInteger searches = new AtomicInteger();
  private final AtomicBoolean building = new AtomicBoolean();
  private volatile int startAfter;
  private volatile KeywordIndex index;
  private volatile boolean enabled = !"false".equals(System.getProperty(PROPERTY));
  private volatile boolean failed;
  private volatile boolean closed;

  /** Test hook: the free heap a build assumes, instead of the JVM's; negative for the JVM's. */
  volatile long assumedFreeHeap = -1;

  private volatile String lastBuild = "not built";

  JavaKeywords(Database db, int startAfter) {
    this.db = db;
    this.startAfter = startAfter;
  }

  /**
   * The best {@code limit} chunks for the selected query {@code terms}, or null when FTS5 must
   * answer.
   */
  List<Bm25.Hit> search(List<String> terms, int limit, SearchScope scope) {
    if (!enabled) {
      return null;
    }
    KeywordIndex current = index;
    if (current == null) {
      if (!failed && searches.incrementAndGet() >= startAfter) {
        startBuild();
      }
      return null;
    }
    List<byte[]> tokens = new ArrayList<>(terms.size());
    PorterTokenizer tokenizer = new PorterTokenizer();
    for (String term : terms) {
      if (tokenizer.tokenize(term, (b, n) -> tokens.add(java.util.Arrays.copyOf(b, n))) != 1) {
        return null; // FTS5 reads this term as a phrase of several tokens, or as none
      }
    }
    try {
      return Bm25.search(current, tokens, limit, scope);
    } catch (RuntimeException e) {
      // A search must never fail because of this cache: drop it, FTS5 answers.
      index = null;
      failed = true;
      lastBuild = "dropped after a failed search: " + e;
      LOG.log(Level.WARNING, "keyword index dropped, FTS5 answers: " + e);
      return null;
    }
  }

  /** Whether commits must report their added texts ({@link #apply}); true once built. */
  boolean mirrors() {
    return index != null;
  }

  /** Mirrors one committed change; the caller holds the write lock. */
  void apply(List<Long> removed, List<Added> added) {
    KeywordIndex current = index;
    if (current == null) {
      return;
    }
    current.removeAll(removed);
    PorterTokenizer tokenizer = new PorterTokenizer();
    for (Added a : added) {
      current.add(a.id(), a.source(), a.text(), tokenizer);
    }
  }

  /** Drops the index (another process wrote); the next keyword search starts a rebuild. */
  void invalidate() {
    boolean wasBuilt = index != null;
    index = null;
    failed = false;
    if (wasBuilt) {
      searches.set(Math.max(searches.get(), startAfter));
    }
  }

  /** Builds the index now, in this thread, unless it is there; returns a description. */
  String buildNow() {
    db.exclusive(
        () -> {
          if (index == null) {
            load();
          }
          return null;
        });
    return describe();
  }

  void enabled(boolean on) {
    enabled = on;
  }

  void startAfter(int searchesBeforeBuild) {
    startAfter = searchesBeforeBuild;
  }

  /** Which path answers the keyword leg now, and the index's size and build time. */
  String describe() {
    KeywordIndex current = index;
    if (!enabled || current == null) {
      return "fts5" + (building.get() ? " (java index building)" : "") + " [" + lastBuild + "]";
    }
    return "java [" + lastBuild + "]";
  }

  void close() {
    closed = true;
  }

  private void startBuild() {
    if (closed || !building.compareAndSet(false, true)) {
      return;
    }
    Thread.ofPlatform()
        .daemon()
        .name("keyword-index-build")
        .priority(Thread.MIN_PRIORITY)
        .start(
            () -> {
              try {
                db.exclusive(
                    () -> {
                      if (index == null && !closed) {
                        load();
                      }
                      return null;
                    });
              } catch (RuntimeException | OutOfMemoryError e) {
                failed = true;
                lastBuild = "build failed: " + e.getMessage();
                if (!closed) {
                  LOG.log(Level.WARNING, "keyword index not built, FTS5 answers: " + e);
                }
              } finally {
                building.set(false);
              }
            });
  }

  /** Reads every chunk through the writer connection; the caller holds the write lock. */
  private void load() throws java.sql.SQLException {
    long t0 = System.nanoTime();
    long chars;
    int chunks;
    try (PreparedStatement p =
            db.writer()
                .prepareStatement("select count(*), coalesce(sum(length(text)), 0) from chunks");
        ResultSet rs = p.executeQuery()) {
      rs.next();
      chunks = rs.getInt(1);
      chars = rs.getLong(2);
    }
    Runtime rt = Runtime.getRuntime();
    long free =
        assumedFreeHeap >= 0
            ? assumedFreeHeap
            : rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    long need = chunks * 64L + chars / 2; // ~0.5 byte of heap per character of text, measured
    if (need > free / 2) {
      failed = true;
      lastBuild = "not built: needs ~" + need / 1_000_000 + " MB, " + free / 1_000_000 + " MB free";
      LOG.log(Level.INFO, "keyword index " + lastBuild + "; FTS5 answers");
      return;
    }
    KeywordIndex fresh = new KeywordIndex();
    PorterTokenizer tokenizer = new PorterTokenizer();
    try (PreparedStatement p =
            db.writer().prepareStatement("select id, source, text from chunks order by id");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        if (closed) {
          return;
        }
        fresh.add(rs.getLong(1), rs.getString(2), rs.getString(3), tokenizer);
      }
    }
    fresh.trim();
    index = fresh;
    // The scan filled the writer connection's page cache with every chunk's text (native memory,
    // up to cache_size): give it back, the writer does not read them again.
    try (java.sql.Statement s = db.writer().createStatement()) {
      s.execute("pragma shrink_memory");
    }
    lastBuild =
        String.format(
            "%d chunks, %d terms, ~%.1f MB, built in %d ms",
            fresh.size(),
            fresh.terms.size(),
            fresh.heapBytes() / 1e6,
            (System.nanoTime() - t0) / 1_000_000);
  }
}
