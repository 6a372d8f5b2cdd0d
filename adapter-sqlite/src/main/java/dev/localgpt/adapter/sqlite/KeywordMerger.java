package dev.localgpt.adapter.sqlite;

import dev.localgpt.ports.memory.IndexException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link FtsMaintenance}'s policy on the writer: after each write that changed keyword rows,
 * at close, and when writes have paused for {@link #IDLE_SECONDS} with a bulk run's rows still
 * unmerged (a daemon keeps its index open, so "the end of the run" is a pause). The idle merge runs
 * on one daemon thread, created only once a merge is pending; it takes the write lock like any
 * write, so searches (WAL readers) go on meanwhile.
 */
final class KeywordMerger implements AutoCloseable {
  /** Seconds without keyword writes after which a pending merge runs. */
  static final int IDLE_SECONDS = 10;

  private static final String ACTION = "merge the keyword index";

  private final Database db;
  final FtsMaintenance policy = new FtsMaintenance();
  private ScheduledExecutorService idle;
  private ScheduledFuture<?> idleMerge;

  KeywordMerger(Database db) {
    this.db = db;
  }

  /** Counts keyword rows a committed transaction wrote; call while holding the write lock. */
  void wrote(int rows) {
    policy.wrote(rows);
  }

  /** After a keyword write: merges if due now, else schedules the idle merge if one is pending. */
  void afterWrite() {
    boolean merged = false;
    try {
      merged = policy.pending() && db.write(ACTION, () -> policy.optimizeIfDue(db.writer()));
    } catch (IndexException e) {
      // The file's rows are committed; a merge that failed (busy, say) is retried when idle.
    }
    if (!merged && policy.idlePending()) {
      scheduleIdleMerge();
    }
  }

  /** Merges what a run left pending, if anything (idle or closing). */
  void finishRun() {
    db.write(ACTION, () -> policy.optimizeIfPending(db.writer()));
  }

  /** Merges into one segment now (benchmarks). */
  void optimize() {
    db.write(
        ACTION,
        () -> {
          policy.optimize(db.writer());
          return null;
        });
  }

  private synchronized void scheduleIdleMerge() {
    if (idle == null) {
      idle =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "localgpt-keyword-merge");
                t.setDaemon(true);
                return t;
              });
    }
    if (idleMerge != null) {
      idleMerge.cancel(false);
    }
    idleMerge = idle.schedule(this::idleMerge, IDLE_SECONDS, TimeUnit.SECONDS);
  }

  private void idleMerge() {
    try {
      finishRun();
    } catch (IndexException e) {
      // Closed or busy meanwhile: the index stays valid with several segments.
    }
  }

  /** Stops the idle thread and merges what is pending, best effort. */
  @Override
  public void close() {
    synchronized (this) {
      if (idle != null) {
        idle.shutdownNow();
      }
    }
    idleMerge();
  }
}
