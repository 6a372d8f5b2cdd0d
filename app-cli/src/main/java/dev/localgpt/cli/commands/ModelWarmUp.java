package dev.localgpt.cli.commands;

import dev.localgpt.adapter.embeddings.OnnxEmbedder;
import dev.localgpt.cli.Trace;
import java.util.Optional;

/**
 * Loads the local embedding model on a background thread while the command does other work (a
 * search brings the index up to date and reads its keyword hits meanwhile; it needs the vector for
 * the hybrid ranking, so the load is overlapped, not skipped). {@link #close()} waits for the load,
 * so the model is never freed while it is still being created. A failed load is left to the
 * command's own use of the model, which reports it.
 */
final class ModelWarmUp implements AutoCloseable {
  private final Thread thread;

  private ModelWarmUp(Thread thread) {
    this.thread = thread;
  }

  /** Starts loading {@code embedder}'s model unless there is none or it is loaded. */
  static ModelWarmUp start(Optional<OnnxEmbedder> embedder) {
    if (embedder.isEmpty() || embedder.get().isLoaded()) {
      return new ModelWarmUp(null);
    }
    OnnxEmbedder model = embedder.get();
    Runnable load =
        () -> {
          try {
            model.preload();
            Trace.mark("model loaded");
          } catch (RuntimeException e) {
            // the search loads it again and reports the failure
          }
        };
    return new ModelWarmUp(Thread.ofPlatform().name("model-warm-up").daemon().start(load));
  }

  @Override
  public void close() {
    if (thread == null) {
      return;
    }
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
