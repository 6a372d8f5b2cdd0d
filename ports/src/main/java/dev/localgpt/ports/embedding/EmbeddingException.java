package dev.localgpt.ports.embedding;

/** The embedding model could not be loaded or run. */
public class EmbeddingException extends RuntimeException {
  public EmbeddingException(String message, Throwable cause) {
    super(message, cause);
  }

  public EmbeddingException(String message) {
    super(message);
  }
}
