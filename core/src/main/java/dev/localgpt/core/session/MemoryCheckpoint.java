package dev.localgpt.core.session;

import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.core.workspace.Workspace;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes the facts worth keeping from turns about to be compacted to today's daily note, {@code
 * memory/YYYY-MM-DD.md}, as a section {@code ## Checkpoint HH:MM (session <id8>)}. Done by code,
 * not by asking the model to call a tool: the model only lists the facts; when it fails (or there
 * is none) the user messages' first lines are kept instead. The note is only ever appended to, and
 * the write is forced to disk before this returns.
 */
public final class MemoryCheckpoint {
  static final String PROMPT =
      "You extract durable facts from a conversation for the user's long-term memory notes. Reply only with Markdown"
          + " bullet points (\"- \"), one fact per line: who the user is, preferences, decisions, names, dates,"
          + " open tasks and results worth remembering. No preamble. If nothing is worth keeping, reply NO_REPLY.";
  private static final int MAX_FACTS = 50;
  private static final int MAX_FACT_CHARS = 300;

  private final PathGuard guard;
  private final ChatModel model;
  private final Clock clock;
  private final ZoneId zone;

  /**
   * @param workspace the workspace root
   * @param model the model that lists the facts, or null in memory-only mode (the fallback is used)
   */
  public MemoryCheckpoint(Path workspace, ChatModel model, Clock clock, ZoneId zone) {
    this.guard = PathGuard.of(workspace);
    this.model = model;
    this.clock = clock;
    this.zone = zone;
  }

  /** What was written: the workspace-relative note path and the bullets. */
  public record Checkpoint(String path, List<String> facts, boolean fromModel) {}

  /**
   * Appends a checkpoint for {@code turns}; nothing is written when there are no turns.
   *
   * @throws UncheckedIOException when the note cannot be written (the caller must not compact then)
   */
  public Optional<Checkpoint> write(String sessionId, List<ChatMessage> turns) {
    if (turns.isEmpty()) {
      return Optional.empty();
    }
    List<String> facts = askModel(turns);
    boolean fromModel = !facts.isEmpty();
    if (!fromModel) {
      facts = userFirstLines(turns);
    }
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone);
    String relative = Workspace.dailyNotePath(now.toLocalDate());
    StringBuilder section = new StringBuilder();
    section.append("## Checkpoint ").append(now.format(DateTimeFormatter.ofPattern("HH:mm")));
    section
        .append(" (session ")
        .append(sessionId, 0, Math.min(8, sessionId.length()))
        .append(")\n\n");
    facts.forEach(fact -> section.append(fact).append('\n'));
    if (facts.isEmpty()) {
      section.append("- (nothing to keep)\n");
    }
    append(guard.resolve(relative), section.toString());
    return Optional.of(new Checkpoint(relative, facts, fromModel));
  }

  private List<String> askModel(List<ChatMessage> turns) {
    return OneShotPrompt.ask(model, PROMPT, turns, 500, 1024)
        .map(MemoryCheckpoint::bullets)
        .orElse(List.of());
  }

  static List<String> bullets(String reply) {
    List<String> facts = new ArrayList<>();
    for (String line : reply.lines().toList()) {
      String trimmed = line.strip();
      if ((trimmed.startsWith("- ") || trimmed.startsWith("* "))
          && trimmed.length() > 2
          && facts.size() < MAX_FACTS) {
        facts.add("- " + SessionHistory.cut(trimmed.substring(2).strip(), MAX_FACT_CHARS));
      }
    }
    return facts;
  }

  static List<String> userFirstLines(List<ChatMessage> turns) {
    return turns.stream()
        .filter(m -> m.role() == Role.USER && !SessionHistory.isSummary(m))
        .map(m -> SessionHistory.firstLine(m.text()))
        .filter(line -> !line.isEmpty())
        .map(line -> "- " + SessionHistory.cut(line, MAX_FACT_CHARS))
        .limit(MAX_FACTS)
        .toList();
  }

  private static void append(Path note, String section) {
    try {
      Files.createDirectories(note.getParent());
      String separator = "";
      if (Files.exists(note)) {
        try (FileChannel reader = FileChannel.open(note, StandardOpenOption.READ)) {
          long size = reader.size();
          if (size > 0) {
            ByteBuffer last = ByteBuffer.allocate(1);
            reader.read(last, size - 1);
            separator = last.get(0) == '\n' ? "\n" : "\n\n";
          }
        }
      }
      try (FileChannel channel =
          FileChannel.open(
              note,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        ByteBuffer bytes = ByteBuffer.wrap((separator + section).getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot append the memory checkpoint to " + note + ": " + e.getMessage(), e);
    }
  }
}
