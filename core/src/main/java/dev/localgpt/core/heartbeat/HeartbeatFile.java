package dev.localgpt.core.heartbeat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * HEARTBEAT.md and OpenClaw's rule for "no tasks": a file whose every line, after HTML comments are
 * removed, is blank, an ATX heading ({@code # ...}) or an empty list item ({@code -}, {@code - [
 * ]}, {@code * [x]}, {@code 1.}).
 */
public final class HeartbeatFile {
  public static final String NAME = "HEARTBEAT.md";

  private static final Pattern COMMENT = Pattern.compile("<!--.*?(-->|\\z)", Pattern.DOTALL);
  private static final Pattern HEADING = Pattern.compile("#+(\\s.*)?");
  private static final Pattern EMPTY_ITEM = Pattern.compile("([-*+]|\\d+[.)])(\\s*\\[[ xX]?\\])?");

  private HeartbeatFile() {}

  /** The file's text, or empty when it does not exist. */
  public static Optional<String> read(Path workspace) {
    try {
      return Optional.of(Files.readString(workspace.resolve(NAME), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + workspace.resolve(NAME) + ": " + e.getMessage(), e);
    }
  }

  /** Whether {@code text} holds no task at all. */
  public static boolean effectivelyEmpty(String text) {
    String withoutComments = COMMENT.matcher(text).replaceAll("");
    return withoutComments
        .lines()
        .map(String::strip)
        .allMatch(
            line ->
                line.isEmpty()
                    || HEADING.matcher(line).matches()
                    || EMPTY_ITEM.matcher(line).matches());
  }
}
