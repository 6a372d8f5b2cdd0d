package dev.localgpt.ports.session;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A session as read from storage: every entry that could be read, and a warning when some of the
 * stored lines could not be and were skipped. Skipped lines stay in storage untouched; the rest of
 * the session is usable.
 *
 * @param entries the readable entries, in order
 * @param warning one line for the user saying how many stored lines were skipped and where; empty
 *     when none were
 */
public record SessionTranscript(List<SessionEntry> entries, Optional<String> warning) {
  public SessionTranscript {
    entries = List.copyOf(Objects.requireNonNull(entries, "'entries' must not be null"));
    Objects.requireNonNull(warning, "'warning' must not be null");
  }

  /** A transcript with nothing skipped. */
  public static SessionTranscript of(List<SessionEntry> entries) {
    return new SessionTranscript(entries, Optional.empty());
  }
}
