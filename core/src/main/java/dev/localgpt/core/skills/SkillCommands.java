package dev.localgpt.core.skills;

import java.util.Locale;

/**
 * Slash command names of skills and the message a {@code /command [args]} invocation sends, as
 * LocalGPT does.
 */
public final class SkillCommands {
  public static final int MAX_LENGTH = 32;

  private SkillCommands() {}

  /**
   * The command name of a skill: lowercase, every character other than {@code a-z0-9} becomes
   * {@code -}, leading and trailing {@code -} trimmed, at most {@value #MAX_LENGTH} chars; {@code
   * skill} when nothing is left.
   */
  public static String commandName(String skillName) {
    String lower = skillName.strip().toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      out.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '-');
    }
    String name = trimDashes(out.toString());
    if (name.length() > MAX_LENGTH) {
      name = trimDashes(name.substring(0, MAX_LENGTH));
    }
    return name.isEmpty() ? "skill" : name;
  }

  /** The user message that {@code /command [args]} sends for {@code skill}. */
  public static String invocation(Skill skill, String args) {
    String path = skill.location().toString();
    if (args == null || args.isBlank()) {
      return "Use the skill at " + path + ". Read it first, then follow its instructions.";
    }
    return "Use the skill at "
        + path
        + " with this request: "
        + args.strip()
        + "\n\nRead the skill file first, then follow its instructions.";
  }

  private static String trimDashes(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '-') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '-') {
      end--;
    }
    return s.substring(start, end);
  }
}
