package dev.localgpt.core.agent.prompt;

import dev.localgpt.core.agent.tools.UntrustedBlock;
import dev.localgpt.core.workspace.PathEscapeException;
import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.core.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the workspace files that go into the system prompt, in order, each capped per file (head
 * 70% / tail 20% with OpenClaw's markers) and all together (later files skipped when under 64 chars
 * are left).
 */
public final class ContextFiles {
  static final int MIN_BUDGET = 64;

  private record Part(String file, String label, String heading) {}

  private final PathGuard guard;
  private final int perFileMax;
  private final int totalMax;

  public ContextFiles(PathGuard guard, int perFileMax, int totalMax) {
    if (perFileMax <= 0 || totalMax <= 0) {
      throw new IllegalArgumentException("'perFileMax' and 'totalMax' must be > 0");
    }
    this.guard = guard;
    this.perFileMax = perFileMax;
    this.totalMax = totalMax;
  }

  /** Whether the workspace is brand new: MEMORY.md, HEARTBEAT.md and SOUL.md are all missing. */
  public boolean brandNew() {
    return read("MEMORY.md").isEmpty()
        && read("HEARTBEAT.md").isEmpty()
        && read("SOUL.md").isEmpty();
  }

  /**
   * The wrapped parts, in prompt order; missing files are skipped. The blocks of one call share a
   * fresh random id, so a note cannot guess the closing fence.
   */
  public List<String> parts(LocalDate today) {
    String memory = read("MEMORY.md").isPresent() ? "MEMORY.md" : "memory.md";
    List<Part> order =
        List.of(
            new Part("IDENTITY.md", "Identity", null),
            new Part("USER.md", "User", null),
            new Part("SOUL.md", "Soul", null),
            new Part("AGENTS.md", "Agent Instructions", null),
            new Part("TOOLS.md", "Tool Notes", null),
            new Part(memory, "Long-term Memory", null),
            daily(today),
            daily(today.minusDays(1)),
            new Part("HEARTBEAT.md", "Heartbeat Tasks", null));
    List<String> out = new ArrayList<>();
    String id = UntrustedBlock.secure().newId();
    int remaining = totalMax;
    for (Part part : order) {
      if (remaining < MIN_BUDGET) {
        break;
      }
      Optional<String> content = read(part.file());
      if (content.isEmpty()) {
        continue;
      }
      String text = truncate(part.file(), content.get().stripTrailing(), perFileMax);
      if (text.length() > remaining) {
        text = text.substring(0, remaining - 1) + "…";
      }
      remaining -= text.length();
      String body = part.heading() == null ? text : part.heading() + "\n\n" + text;
      out.add(
          "<memory_context id=\""
              + id
              + "\" source=\""
              + part.file()
              + "\">\n<!-- "
              + part.label()
              + " ("
              + part.file()
              + ") -->\n"
              + UntrustedBlock.neutralise(body)
              + "\n</memory_context id=\""
              + id
              + "\">");
    }
    return out;
  }

  private static Part daily(LocalDate date) {
    String file = Workspace.dailyNotePath(date);
    return new Part(file, "Daily Notes", "## " + file);
  }

  /**
   * OpenClaw's truncation: keep head floor(0.7·max) and tail floor(0.2·max) with two marker lines.
   */
  public static String truncate(String name, String content, int max) {
    if (content.length() <= max) {
      return content;
    }
    int head = (int) Math.floor(0.7 * max);
    int tail = (int) Math.floor(0.2 * max);
    return content.substring(0, head)
        + "\n[...truncated, read "
        + name
        + " for full content...]\n"
        + "…(truncated "
        + name
        + ": kept "
        + head
        + "+"
        + tail
        + " chars of "
        + content.length()
        + ")…\n"
        + content.substring(content.length() - tail);
  }

  private Optional<String> read(String relative) {
    try {
      Path file = guard.resolve(relative);
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (PathEscapeException | IOException e) {
      return Optional.empty();
    }
  }
}
