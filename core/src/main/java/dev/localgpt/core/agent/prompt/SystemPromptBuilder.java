package dev.localgpt.core.agent.prompt;

import dev.localgpt.core.agent.tools.Tool;
import dev.localgpt.core.workspace.PathGuard;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Assembles LocalGPT's system prompt: identity, Safety, Content Boundaries, Tools, Tool Call Style,
 * Skills, Workspace, Current Time, Memory, Memory Recall, Silent Replies, Heartbeats, Runtime; then
 * the workspace context (welcome block for a brand-new workspace, IDENTITY, USER, SOUL, AGENTS,
 * TOOLS, MEMORY.md, today's and yesterday's daily notes, HEARTBEAT.md), each in a {@code
 * <memory_context>} block.
 */
public final class SystemPromptBuilder {
  public static final String NO_REPLY = "NO_REPLY";
  public static final String HEARTBEAT_OK = "HEARTBEAT_OK";
  public static final int PER_FILE_MAX = 20_000;
  public static final int TOTAL_MAX = 150_000;
  static final String WELCOME =
      """
      <first_run>
      This is a brand-new workspace: there is no MEMORY.md, SOUL.md or HEARTBEAT.md yet.
      Welcome the user, ask what their name is and what they would like you to help with, and offer to save
      what you learn to MEMORY.md so you remember it next time.
      </first_run>""";

  private final PathGuard guard;
  private final Clock clock;
  private final ZoneId zone;
  private List<Tool> tools = List.of();
  private List<SkillEntry> skills = List.of();
  private String model = "unknown";
  private String host = "localhost";
  private int perFileMax = PER_FILE_MAX;
  private int totalMax = TOTAL_MAX;

  public SystemPromptBuilder(PathGuard guard, Clock clock, ZoneId zone) {
    this.guard = Objects.requireNonNull(guard, "'guard' must not be null");
    this.clock = Objects.requireNonNull(clock, "'clock' must not be null");
    this.zone = Objects.requireNonNull(zone, "'zone' must not be null");
  }

  public SystemPromptBuilder tools(List<Tool> tools) {
    this.tools = List.copyOf(tools);
    return this;
  }

  public SystemPromptBuilder skills(List<SkillEntry> skills) {
    this.skills = List.copyOf(skills);
    return this;
  }

  public SystemPromptBuilder model(String model) {
    this.model = model;
    return this;
  }

  public SystemPromptBuilder host(String host) {
    this.host = host;
    return this;
  }

  /** Size caps of the workspace files (defaults 20,000 per file, 150,000 in total). */
  public SystemPromptBuilder limits(int perFileMax, int totalMax) {
    this.perFileMax = perFileMax;
    this.totalMax = totalMax;
    return this;
  }

  public String build() {
    ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(zone);
    StringBuilder p = new StringBuilder("You are a personal assistant running inside LocalGPT.\n");
    PromptSections.safety(p);
    PromptSections.contentBoundaries(p);
    PromptSections.tools(p, tools);
    PromptSections.toolCallStyle(p);
    PromptSections.skills(p, skills);
    section(p, "Workspace", "Your working directory is: " + guard.base());
    section(
        p,
        "Current Time",
        "Session started: "
            + now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
            + " ("
            + zone.getId()
            + ")");
    PromptSections.memory(p, now.toLocalDate());
    if (tools.stream().anyMatch(t -> t.name().equals("memory_search"))) {
      PromptSections.memoryRecall(p);
    }
    section(
        p,
        "Silent Replies",
        "When you have nothing to say (for example after a background task), reply with "
            + "exactly "
            + NO_REPLY
            + " and nothing else.");
    section(
        p,
        "Heartbeats",
        "A heartbeat message asks you to check HEARTBEAT.md. If nothing needs attention, reply "
            + "exactly "
            + HEARTBEAT_OK
            + ". Never include "
            + HEARTBEAT_OK
            + " in a reply that reports something.");
    section(
        p,
        "Runtime",
        "model="
            + model
            + " | host="
            + host
            + " | os="
            + System.getProperty("os.name")
            + " | arch="
            + System.getProperty("os.arch"));
    p.append(workspaceContext(now.toLocalDate()));
    return p.toString();
  }

  private String workspaceContext(LocalDate today) {
    ContextFiles files = new ContextFiles(guard, perFileMax, totalMax);
    StringBuilder c = new StringBuilder("\n---\n\n# Workspace Context\n\n");
    boolean first = true;
    if (files.brandNew()) {
      c.append(WELCOME);
      first = false;
    }
    for (String part : files.parts(today)) {
      c.append(first ? "" : "\n\n---\n\n").append(part);
      first = false;
    }
    return c.append('\n').toString();
  }

  static void section(StringBuilder p, String title, String body) {
    p.append("\n## ").append(title).append("\n\n").append(body).append('\n');
  }
}
