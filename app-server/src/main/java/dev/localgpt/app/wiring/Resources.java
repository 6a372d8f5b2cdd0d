package dev.localgpt.app.wiring;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What one injector opened and must free: the providers register the closeable things they create
 * (the memory index and embedding model, in-process chat models); whoever owns the injector (the
 * CLI at exit, the library's {@code close()}, the server at shutdown) calls {@link #close()}, which
 * closes them in reverse order. Thread-safe.
 */
public final class Resources implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Resources.class.getName());
  private final Deque<AutoCloseable> opened = new ArrayDeque<>();

  /** Remembers {@code resource} for {@link #close()} and returns it. */
  public synchronized <T extends AutoCloseable> T register(T resource) {
    opened.push(resource);
    return resource;
  }

  /**
   * Closes everything registered, newest first; a failure to close one is logged and the rest still
   * close.
   */
  @Override
  public synchronized void close() {
    while (!opened.isEmpty()) {
      AutoCloseable resource = opened.pop();
      try {
        resource.close();
      } catch (Exception e) {
        LOG.log(
            System.Logger.Level.WARNING,
            "closing " + resource.getClass().getSimpleName() + " failed: " + e.getMessage());
      }
    }
  }
}
