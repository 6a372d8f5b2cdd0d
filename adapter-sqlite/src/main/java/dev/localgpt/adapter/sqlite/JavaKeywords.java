package dev.localgpt.adapter.sqlite;

import dev.localgpt.ports.memory.SearchScope;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
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
 * or a chat session does it once. The build reads a snapshot on a reader connection; in-process
 * commits go on meanwhile, are queued and replayed before the index is published. After that,
 * {@link #apply} mirrors every in-process commit; another process's commits make the index {@link
 * #invalidate()}d and rebuilt.
 */
final class JavaKeywords {
  /**
   * Whether this JVM runs the serial collector (the daemon's), whose old generation is
   * "MarkSweepCompact".
   */
  private static final boolean SERIAL_COLLECTOR =
      ManagementFactory.getGarbageCollectorMXBeans().stream()
          .anyMatch(gc -> gc.getName().equals("MarkSweepCompact"));

  private static final System.Logger LOG = System.getLogger(JavaKeywords.class.getName());

  /**
   * System property that turns the in-memory index off when {@code false} (FTS5 answers every
   * keyword search): an escape hatch, and the "before" of benchmarks.
   */
  static final String PROPERTY = "localgpt.sqlite.javaKeywords";

  /** One chunk's text, as added by a commit. */
  record Added(long id, String source, String text) {}

  /** One commit's change, queued while a build runs. */
  private record Change(List<Long> removed, List<Added> added) {}

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

  /** Test hook: runs in the building thread after the snapshot is read, before publishing. */
  volatile Runnable afterSnapshot = () -> {};

  /** Commits made while a build runs, in commit order; guarded by the write lock. */
  private List<Change> pending;

  /** Bumped by {@link #invalidate()}; guarded by the write lock. */
  private int generation;

  private volatile String lastBuild = "not built";

  JavaKeywords(Database db, int startAfter) {
    this.db = db;
    this.startAfter = startAfter;
  }

  /**
   * The best {@code limit} chunks for the selected query {@code terms}, or null when FTS5 must
   * answer.
   */
  List<TopK.Hit> search(List<String> terms, int limit, SearchScope scope) {
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

  /**
   * Whether commits must report their added texts ({@link #apply}): once built, and while a build
   * runs. The caller holds the write lock.
   */
  boolean mirrors() {
    return index != null || pending != null;
  }

  /** Mirrors one committed change; the caller holds the write lock. */
  void apply(List<Long> removed, List<Added> added) {
    if (pending != null) {
      pending.add(new Change(List.copyOf(removed), List.copyOf(added)));
    }
    KeywordIndex current = index;
    if (current != null) {
      replay(current, new Change(removed, added));
    }
  }

  /** Applies one commit's change at once: no search sees a file half replaced. */
  private static void replay(KeywordIndex target, Change change) {
    target.lock.writeLock().lock();
    try {
      target.removeAll(change.removed());
      PorterTokenizer tokenizer = new PorterTokenizer();
      for (Added a : change.added()) {
        target.add(a.id(), a.source(), a.text(), tokenizer);
      }
    } finally {
      target.lock.writeLock().unlock();
    }
  }

  /**
   * Drops the index (another process wrote; a running build is discarded when it ends); the next
   * keyword search starts a rebuild. The caller holds the write lock.
   */
  void invalidate() {
    boolean wasWanted = index != null || pending != null;
    generation++;
    index = null;
    failed = false;
    if (wasWanted) {
      searches.set(Math.max(searches.get(), startAfter));
    }
  }

  /** Builds the index now, in this thread, unless it is there; returns a description. */
  String buildNow() {
    while (!building.compareAndSet(false, true)) {
      try {
        Thread.sleep(10); // a background build runs: wait for it
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return describe();
      }
    }
    try {
      build();
    } finally {
      building.set(false);
    }
    return describe();
  }

  /**
   * Loads a snapshot through a reader connection without holding the write lock (in-process writes
   * go on and are queued in {@link #pending}), then, holding it, replays the queued commits in
   * order (replaying one the snapshot already holds changes nothing) and publishes the index,
   * unless {@link #invalidate()} came meanwhile.
   */
  private void build() {
    Integer started =
        db.exclusive(
            () -> {
              if (index != null || closed) {
                return null;
              }
              pending = new ArrayList<>();
              return generation;
            });
    if (started == null) {
      return;
    }
    boolean published = false;
    try {
      KeywordLoad.Result loaded =
          db.read(
              "build the keyword index", c -> KeywordLoad.run(c, assumedFreeHeap, () -> closed));
      afterSnapshot.run();
      db.exclusive(
          () -> {
            List<Change> changes = pending;
            pending = null;
            lastBuild = loaded.description();
            if (loaded.index() == null) {
              failed = !closed;
              LOG.log(Level.INFO, "keyword index " + lastBuild + "; FTS5 answers");
            } else if (!closed && generation == started) {
              changes.forEach(change -> replay(loaded.index(), change));
              index = loaded.index();
              // Give back the writer's page cache too (native memory, up to cache_size, filled by
              // indexing): measured, the daemon's idle RSS stays at its level without the index.
              try (java.sql.Statement s = db.writer().createStatement()) {
                s.execute("pragma shrink_memory");
              }
            }
            return null;
          });
      published = true;
      if (index != null && !closed && SERIAL_COLLECTOR) {
        // Once per build: the scan's garbage made the heap grow (the daemon runs the serial
        // collector, which gives memory back only after a full collection); measured +30 MB of idle
        // RSS without this, for an index of ~6 MB at 10k chunks. Only under that collector: an
        // application embedding the library with a large G1 heap should not pay a full pause.
        System.gc();
      }
    } finally {
      if (!published && !closed) {
        db.exclusive(
            () -> {
              pending = null;
              return null;
            });
      }
    }
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

  /** Stops a running build (it checks between rows) and waits a moment for it to end. */
  void close() {
    closed = true;
    for (int i = 0; i < 500 && building.get(); i++) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
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
                build();
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
}
