package dev.localgpt.core.chat;

import dev.localgpt.core.memory.MemoryHit;
import dev.localgpt.core.memory.MemoryHits;
import dev.localgpt.core.session.CompactionOutcome;
import dev.localgpt.core.skills.Skill;
import dev.localgpt.core.skills.SkillSet;
import dev.localgpt.ports.session.SessionInfo;
import java.util.List;
import java.util.Locale;

/**
 * The text the slash commands reply with; the chat that runs on the daemon uses the same {@link
 * #sessions} and {@link #memory} texts.
 */
public final class CommandTexts {
  static final int SNIPPET_CHARS = 120;

  private CommandTexts() {}

  static String help(SkillSet skills) {
    StringBuilder out =
        new StringBuilder(
            """
        Commands:
          /help, /h, /?        show this help
          /quit, /exit, /q     leave the chat
          /new                 save this conversation to memory, then start a new session
          /sessions            list recent sessions
          /resume <id-prefix>  continue a stored session
          /memory <query>      search memory
          /reindex             rebuild the memory index
          /status              model, session and token usage
          /context             token usage of the context window
          /model [name]        show or switch the model (provider/model)
          /compact             checkpoint and summarise older turns now
          /clear               clear the history (new session, nothing saved)
          /skills              list skills
          /mcp                 MCP servers, their state and tools
          /export [file]       the conversation as Markdown (to a file if given)""");
    if (!skills.commands().isEmpty()) {
      out.append("\nSkills:");
      skills.ready().stream()
          .filter(Skill::userInvocable)
          .forEach(
              s ->
                  out.append("\n  /")
                      .append(s.command())
                      .append(" [args]  ")
                      .append(s.description()));
    }
    return out.toString();
  }

  /** The sessions, newest first, the current one marked with {@code *}. */
  public static String sessions(List<SessionInfo> sessions, String currentId) {
    if (sessions.isEmpty()) {
      return "No sessions yet.";
    }
    StringBuilder out = new StringBuilder("Recent sessions (newest first):");
    for (SessionInfo s : sessions) {
      out.append('\n')
          .append(s.id().equals(currentId) ? "* " : "  ")
          .append(s.id(), 0, Math.min(8, s.id().length()))
          .append("  ")
          .append(s.updatedAt().toString(), 0, 16)
          .append("  ")
          .append(String.format(Locale.ROOT, "%3d msgs", s.messageCount()))
          .append(s.title().isEmpty() ? "" : "  " + s.title());
    }
    return out.append("\nUse /resume <id-prefix> to continue one.").toString();
  }

  /** The search hits as a numbered list, or a line saying that nothing matched. */
  public static String memory(String query, List<MemoryHit> hits) {
    if (hits.isEmpty()) {
      return "No memory matches '" + query + "'.";
    }
    StringBuilder out = new StringBuilder();
    int n = 1;
    for (MemoryHit h : hits) {
      out.append(n == 1 ? "" : "\n").append(MemoryHits.listItem(n++, h, query, 3, SNIPPET_CHARS));
    }
    return out.toString();
  }

  static String skills(SkillSet skills) {
    if (skills.all().isEmpty()) {
      return "No skills. Add one as skills/<name>/SKILL.md in the workspace.";
    }
    StringBuilder out = new StringBuilder("Skills:");
    for (Skill s : skills.all()) {
      out.append("\n  ").append(s.emoji().isEmpty() ? "" : s.emoji() + " ").append(s.name());
      if (s.ready()) {
        out.append(s.userInvocable() ? " (/" + s.command() + ")" : "")
            .append(" - ")
            .append(s.description());
      } else {
        out.append(" - ").append(s.reason());
      }
    }
    return out.toString();
  }

  static String compaction(CompactionOutcome outcome) {
    return switch (outcome) {
      case CompactionOutcome.Skipped s -> "Nothing compacted: " + s.reason() + ".";
      case CompactionOutcome.Compacted c ->
          "Compacted "
              + c.summarisedMessages()
              + " messages ("
              + c.tokensBefore()
              + " -> "
              + c.tokensAfter()
              + " tokens), kept the last "
              + c.keptMessages()
              + (c.checkpointPath().isEmpty()
                  ? "."
                  : "; checkpoint saved to " + c.checkpointPath() + ".");
    };
  }
}
