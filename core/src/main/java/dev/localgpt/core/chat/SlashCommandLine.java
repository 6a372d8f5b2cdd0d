package dev.localgpt.core.chat;

import java.util.Locale;
import java.util.Optional;

/**
 * A chat input line read as a slash command: {@code /Name rest of line} gives the lower-cased name
 * and the stripped arguments. Shared by the local chat and the chat that runs on the daemon.
 */
public record SlashCommandLine(String name, String args) {

  /** The command of {@code line}, or empty when the line is a message (no leading slash). */
  public static Optional<SlashCommandLine> parse(String line) {
    String input = line.strip();
    if (!input.startsWith("/")) {
      return Optional.empty();
    }
    int space = input.indexOf(' ');
    String name =
        (space < 0 ? input.substring(1) : input.substring(1, space)).toLowerCase(Locale.ROOT);
    String args = space < 0 ? "" : input.substring(space + 1).strip();
    return Optional.of(new SlashCommandLine(name, args));
  }

  /** The first 8 characters of a session id, as the chat shows it. */
  public static String shortId(String id) {
    return id.substring(0, Math.min(8, id.length()));
  }
}
