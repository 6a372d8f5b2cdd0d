package dev.localgpt.app.wiring;

import dev.localgpt.adapter.embeddings.OnnxEmbedder;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.ports.embedding.Embedder;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The memory service with the resources it owns: the embedder (the ONNX model loads on its first
 * use; absent for {@code embedding_provider = "none"}) and the index file. {@link #close()} closes
 * the index and frees the model.
 */
public final class MemoryStack implements AutoCloseable {
  private final MemoryService service;
  private final Optional<Embedder> embedder;
  private final Path dbFile;

  MemoryStack(MemoryService service, Optional<Embedder> embedder, Path dbFile) {
    this.service = Objects.requireNonNull(service, "'service' must not be null");
    this.embedder = Objects.requireNonNull(embedder, "'embedder' must not be null");
    this.dbFile = Objects.requireNonNull(dbFile, "'dbFile' must not be null");
  }

  /** Index, search, stats, recent. */
  public MemoryService service() {
    return service;
  }

  /** The ONNX embedder; empty when search is keyword-only or another embedder was bound. */
  public Optional<OnnxEmbedder> embedder() {
    return embedder.filter(OnnxEmbedder.class::isInstance).map(OnnxEmbedder.class::cast);
  }

  /** The embedder port the service uses; empty when search is keyword-only. */
  public Optional<Embedder> embedderPort() {
    return embedder;
  }

  /** The SQLite file of the index. */
  public Path dbFile() {
    return dbFile;
  }

  /**
   * Whether the embedding model has been loaded (stats and keyword-only commands never load it).
   */
  public boolean modelLoaded() {
    return embedder().map(OnnxEmbedder::isLoaded).orElse(false);
  }

  @Override
  public void close() {
    try {
      service.close();
    } finally {
      embedder
          .filter(AutoCloseable.class::isInstance)
          .ifPresent(e -> closeQuietly((AutoCloseable) e));
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      System.getLogger(MemoryStack.class.getName())
          .log(System.Logger.Level.DEBUG, "closing the embedder failed: " + e.getMessage());
    }
  }
}
