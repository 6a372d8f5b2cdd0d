package dev.localgpt.ports.web;

/**
 * A web fetch was refused (private address, domain not allowed, bad URL) or failed (network,
 * timeout).
 */
public class WebFetchException extends RuntimeException {

  /** Why the fetch did not produce a page. */
  public enum Kind {
    REFUSED,
    NETWORK,
    TIMEOUT
  }

  private final Kind kind;

  public WebFetchException(Kind kind, String message) {
    this(kind, message, null);
  }

  public WebFetchException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
