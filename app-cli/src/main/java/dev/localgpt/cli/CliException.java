package dev.localgpt.cli;

/**
 * A failure a command reports to the user: a one-line problem, an optional hint, and the exit code.
 */
public class CliException extends RuntimeException {
  private final String hint;
  private final int exitCode;

  public CliException(String problem, String hint, int exitCode) {
    super(problem);
    this.hint = hint == null ? "" : hint;
    this.exitCode = exitCode;
  }

  public String hint() {
    return hint;
  }

  public int exitCode() {
    return exitCode;
  }
}
