package dev.localgpt.ports.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * A model call failed. {@link Kind#retriable()} tells whether retrying or falling back can help.
 */
public class ModelException extends RuntimeException {

  /** The failure classes the retry and fallback logic acts on. */
  public enum Kind {
    RATE_LIMITED(true),
    TIMEOUT(true),
    SERVER(true),
    NETWORK(true),
    AUTH(false),
    UNKNOWN_MODEL(false),
    BAD_REQUEST(false),
    INVALID_RESPONSE(false),
    NOT_CONFIGURED(false);

    private final boolean retriable;

    Kind(boolean retriable) {
      this.retriable = retriable;
    }

    public boolean retriable() {
      return retriable;
    }
  }

  private final Kind kind;
  private final Duration retryAfter;

  public ModelException(Kind kind, String message) {
    this(kind, message, null, null);
  }

  public ModelException(Kind kind, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  public Kind kind() {
    return kind;
  }

  /** The server's {@code Retry-After}, if it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
