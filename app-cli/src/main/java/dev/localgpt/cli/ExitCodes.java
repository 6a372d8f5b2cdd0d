package dev.localgpt.cli;

/** What the exit status of {@code localgpt} means (same as the Rust LocalGPT). */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;

  /** Any other failure (I/O, refused path, bug). */
  public static final int GENERAL = 1;

  /** Invalid configuration or command-line usage. */
  public static final int CONFIG = 2;

  /** A model provider failed (unreachable, auth, unknown model, ...). */
  public static final int PROVIDER = 3;

  private ExitCodes() {}
}
