package dev.localgpt.ports.memory;

/** The memory index failed. {@link #kind()} tells whether rebuilding or waiting can help. */
public class IndexException extends RuntimeException {

  /** What went wrong, as far as a caller can act on it. */
  public enum Kind {
    /** The store is damaged; the Markdown is the truth, so rebuild it. */
    CORRUPT,
    /** Another process holds a lock; retry later. */
    BUSY,
    /** Anything else (disk full, permissions, bugs). */
    FAILED
  }

  private final Kind kind;

  public IndexException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
