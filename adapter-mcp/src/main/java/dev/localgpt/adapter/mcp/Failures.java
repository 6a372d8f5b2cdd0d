package dev.localgpt.adapter.mcp;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** One-line descriptions of what the SDK throws. */
final class Failures {
  private Failures() {}

  static String describe(Throwable e, Duration timeout) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException
          || String.valueOf(t.getMessage()).contains("Did not observe any item")) {
        return "no answer within " + timeout.toSeconds() + " s";
      }
      if (t instanceof java.net.ConnectException
          || t instanceof java.nio.channels.ClosedChannelException) {
        return "cannot connect (nothing listening, or the connection was closed)";
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.strip().lines().findFirst().orElse(message);
  }
}
