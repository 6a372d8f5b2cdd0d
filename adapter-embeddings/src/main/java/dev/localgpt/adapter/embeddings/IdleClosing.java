package dev.localgpt.adapter.embeddings;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A resource opened on first use and closed once nobody has held it for a while: the indexing
 * session, whose memory arena holds hundreds of megabytes that a daemon should give back when the
 * indexing is done. Callers {@link #acquire} and {@link #release} around each use; the resource is
 * never closed while held. Thread-safe.
 *
 * @param <T> the resource
 */
final class IdleClosing<T extends AutoCloseable> {
  /** Runs a task after a delay (a scheduled executor in production, a list in tests). */
  interface Scheduler {
    void schedule(Runnable task, long delayNanos);
  }

  /** One daemon thread for every instance's idle checks, started on the first release. */
  static final Scheduler SHARED_SCHEDULER =
      (task, delayNanos) -> SharedExecutor.EXECUTOR.schedule(task, delayNanos, NANOSECONDS);

  private static final class SharedExecutor {
    static final ScheduledExecutorService EXECUTOR =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread t = new Thread(task, "onnx-idle-close");
              t.setDaemon(true);
              return t;
            });
  }

  private final Supplier<T> opener;
  private final long idleNanos;
  private final LongSupplier nanoClock;
  private final Scheduler scheduler;
  private T resource;
  private int holders;
  private long lastRelease;
  private boolean checkPending;
  private boolean closed;

  IdleClosing(Supplier<T> opener, long idleNanos, LongSupplier nanoClock, Scheduler scheduler) {
    if (idleNanos <= 0) {
      throw new IllegalArgumentException("'idleNanos' must be > 0, was " + idleNanos);
    }
    this.opener = opener;
    this.idleNanos = idleNanos;
    this.nanoClock = nanoClock;
    this.scheduler = scheduler;
  }

  /**
   * The resource, opened now if it is not open; hold it until {@link #release}.
   *
   * @throws IllegalStateException after {@link #close}
   */
  synchronized T acquire() {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    if (resource == null) {
      resource = opener.get();
    }
    holders++;
    return resource;
  }

  /** Ends one {@link #acquire}; the resource closes after the idle time unless acquired again. */
  synchronized void release() {
    if (holders <= 0) {
      throw new IllegalStateException("release without acquire");
    }
    holders--;
    lastRelease = nanoClock.getAsLong();
    if (!checkPending && !closed) {
      checkPending = true;
      scheduler.schedule(this::closeIfIdle, idleNanos);
    }
  }

  /** Whether the resource is open now. */
  synchronized boolean isOpen() {
    return resource != null;
  }

  /**
   * Closes the resource if nobody holds it and the idle time has passed since the last release;
   * otherwise checks again when it would have passed.
   */
  synchronized void closeIfIdle() {
    checkPending = false;
    if (resource == null || closed) {
      return;
    }
    long idleFor = nanoClock.getAsLong() - lastRelease;
    if (holders > 0 || idleFor < idleNanos) {
      checkPending = true;
      scheduler.schedule(this::closeIfIdle, holders > 0 ? idleNanos : idleNanos - idleFor);
      return;
    }
    closeResource();
  }

  /** Closes the resource now (callers must not hold it) and refuses later use. */
  synchronized void close() {
    closed = true;
    closeResource();
  }

  private void closeResource() {
    T open = resource;
    resource = null;
    if (open != null) {
      try {
        open.close();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
  }
}
