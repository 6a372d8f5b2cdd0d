package dev.localgpt.ports.session;

/** A session could not be read or written. */
public class SessionException extends RuntimeException {
  public SessionException(String message, Throwable cause) {
    super(message, cause);
  }

  public SessionException(String message) {
    super(message);
  }
}
