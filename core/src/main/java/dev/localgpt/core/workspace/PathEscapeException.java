package dev.localgpt.core.workspace;

/** A path given by a user or a model points outside the directories it may touch. */
public class PathEscapeException extends RuntimeException {
  public PathEscapeException(String message) {
    super(message);
  }
}
