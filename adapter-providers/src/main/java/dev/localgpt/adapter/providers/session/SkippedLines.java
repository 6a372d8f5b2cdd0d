package dev.localgpt.adapter.providers.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The one-line warning for the lines of a session file that could not be read. */
final class SkippedLines {
  private static final int SHOWN = 10;

  private SkippedLines() {}

  /** Empty when no line was skipped. */
  static Optional<String> warning(String sessionId, Path file, List<Integer> lines) {
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    String numbers =
        lines.stream().limit(SHOWN).map(String::valueOf).collect(Collectors.joining(", "))
            + (lines.size() > SHOWN ? ", …" : "");
    String header = lines.get(0) == 1 ? " (line 1 is the damaged session header)" : "";
    return Optional.of(
        "session "
            + sessionId
            + ": skipped "
            + lines.size()
            + " unreadable line"
            + (lines.size() == 1 ? "" : "s")
            + " of "
            + file
            + " (line"
            + (lines.size() == 1 ? " " : "s ")
            + numbers
            + ")"
            + header
            + "; everything else is loaded and the file is left as it is");
  }
}
