package dev.localgpt.app.daemon;

import java.util.Optional;

/**
 * Another daemon already holds this home; {@link #running()} says which, when its pid file is
 * readable.
 */
public final class DaemonRunningException extends RuntimeException {
  private final transient Optional<DaemonInfo> running;

  public DaemonRunningException(Optional<DaemonInfo> running) {
    super(
        running
            .map(
                i ->
                    "a daemon is already running for this home (pid "
                        + i.pid()
                        + (i.serving() ? ", " + i.baseUrl() : "")
                        + ")")
            .orElse("a daemon is already running for this home"));
    this.running = running;
  }

  public Optional<DaemonInfo> running() {
    return running;
  }
}
