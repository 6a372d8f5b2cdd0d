package dev.localgpt.core.session;

import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.core.workspace.PrivateFiles;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.Role;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * LocalGPT's {@code /new} save: the last N (default {@value #DEFAULT_MAX_MESSAGES}) user and
 * assistant messages (their words and the names of the tools called, never the context retrieved
 * for them: see {@code ConversationLines}) go to a new file {@code memory/YYYY-MM-DD-<slug>.md}
 * (mode 0600); an existing file is never overwritten ({@code -2}, {@code -3}, …).
 */
public final class TranscriptSaver {
  public static final int DEFAULT_MAX_MESSAGES = 15;
  private static final int MAX_SLUG = 30;

  private final PathGuard guard;
  private final Clock clock;
  private final ZoneId zone;
  private final int maxMessages;

  public TranscriptSaver(Path workspace, Clock clock, ZoneId zone, int maxMessages) {
    if (maxMessages <= 0) {
      throw new IllegalArgumentException("'maxMessages' must be > 0, was " + maxMessages);
    }
    this.guard = PathGuard.of(workspace);
    this.clock = clock;
    this.zone = zone;
    this.maxMessages = maxMessages;
  }

  public TranscriptSaver(Path workspace, Clock clock, ZoneId zone) {
    this(workspace, clock, zone, DEFAULT_MAX_MESSAGES);
  }

  /**
   * Saves and returns the workspace-relative path; empty when there is no user or assistant text.
   */
  public Optional<String> save(String sessionId, List<ChatMessage> messages) {
    List<ChatMessage> spoken =
        messages.stream().filter(m -> ConversationLines.of(m).isPresent()).toList();
    if (spoken.isEmpty()) {
      return Optional.empty();
    }
    String firstUser =
        spoken.stream()
            .filter(m -> m.role() == Role.USER)
            .map(ChatMessage::text)
            .findFirst()
            .orElse("");
    List<ChatMessage> last =
        spoken.subList(Math.max(0, spoken.size() - maxMessages), spoken.size());
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone);
    StringBuilder body = new StringBuilder();
    body.append("# Session: ")
        .append(now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")))
        .append("\n\n");
    body.append("- **Session ID**: ").append(sessionId).append("\n\n");
    body.append("## Conversation\n\n");
    for (ChatMessage m : last) {
      body.append(ConversationLines.of(m).orElseThrow()).append("\n\n");
    }
    String base = "memory/" + now.toLocalDate() + "-" + slug(firstUser);
    return Optional.of(createNew(base, body.toString().stripTrailing() + "\n"));
  }

  /**
   * The first 4 words of the first user message, lowercased, letters and digits only, joined by
   * {@code -}, at most 30 characters; {@code session} when nothing is left.
   */
  public static String slug(String firstUserMessage) {
    String slug =
        Arrays.stream(firstUserMessage.strip().split("\\s+"))
            .limit(4)
            .map(
                word ->
                    word.toLowerCase(Locale.ROOT)
                        .codePoints()
                        .filter(Character::isLetterOrDigit)
                        .collect(
                            StringBuilder::new,
                            StringBuilder::appendCodePoint,
                            StringBuilder::append)
                        .toString())
            .filter(word -> !word.isEmpty())
            .collect(Collectors.joining("-"));
    if (slug.length() > MAX_SLUG) {
      slug = slug.substring(0, MAX_SLUG);
    }
    while (slug.endsWith("-")) {
      slug = slug.substring(0, slug.length() - 1);
    }
    return slug.isEmpty() ? "session" : slug;
  }

  private String createNew(String base, String content) {
    for (int n = 1; ; n++) {
      String relative = base + (n == 1 ? "" : "-" + n) + ".md";
      Path file = guard.resolve(relative);
      try {
        if (PrivateFiles.writeIfAbsent(file, content)) {
          return relative;
        }
        // taken: try the next number
      } catch (UncheckedIOException e) {
        throw new UncheckedIOException(
            "cannot save the transcript to " + file + ": " + e.getCause().getMessage(),
            e.getCause());
      }
    }
  }
}
