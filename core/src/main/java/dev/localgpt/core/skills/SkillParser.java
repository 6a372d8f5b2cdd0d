package dev.localgpt.core.skills;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the text of one SKILL.md into a {@link Skill}; malformed front matter gives an INVALID skill, never an error. */
final class SkillParser {
  static final int MAX_DEFAULT_DESCRIPTION = 100;

  private SkillParser() {}

  static Skill parse(String dirName, Path location, Skill.Source source, String content) {
    FrontMatter.Parsed parsed;
    try {
      parsed = FrontMatter.parse(content);
    } catch (IllegalArgumentException e) {
      return invalid(dirName, location, source, e.getMessage());
    }
    Map<String, String> f = parsed.fields();
    String name = f.getOrDefault("name", "").strip();
    if (name.isEmpty()) {
      name = dirName;
    }
    String description = f.getOrDefault("description", "").strip();
    if (description.isEmpty()) {
      description = firstTextLine(parsed.body());
    }
    try {
      boolean userInvocable = bool(f, "user-invocable", true);
      boolean modelInvocable = !bool(f, "disable-model-invocation", false);
      Map<String, Object> openclaw = map(parsed.metadata(), "openclaw");
      if (openclaw.isEmpty()) {
        openclaw = map(parsed.metadata(), "clawdbot");
      }
      Map<String, Object> requires = map(openclaw, "requires");
      SkillRequirements req = new SkillRequirements(
          strings(requires, "bins"), strings(requires, "anyBins"), strings(requires, "env"),
          Boolean.TRUE.equals(openclaw.get("always")) || "true".equals(openclaw.get("always")));
      Object emoji = openclaw.get("emoji");
      return new Skill(name, description, location, source, SkillCommands.commandName(name), userInvocable,
          modelInvocable, emoji instanceof String s ? s : "", req, Skill.State.READY, "");
    } catch (IllegalArgumentException e) {
      return invalid(name, location, source, e.getMessage());
    }
  }

  static Skill invalid(String name, Path location, Skill.Source source, String reason) {
    return new Skill(name, "", location, source, SkillCommands.commandName(name), false, false, "",
        SkillRequirements.NONE, Skill.State.INVALID, "Invalid: " + reason);
  }

  /** The first non-empty line that is not a heading, at most 100 chars. */
  static String firstTextLine(String body) {
    return body.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .findFirst()
        .map(l -> l.length() <= MAX_DEFAULT_DESCRIPTION ? l : l.substring(0, MAX_DEFAULT_DESCRIPTION - 1) + "…")
        .orElse("");
  }

  private static boolean bool(Map<String, String> fields, String key, boolean fallback) {
    String value = fields.get(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException("'" + key + "' must be true or false, was '" + value + "'");
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    if (value == null) {
      return Map.of();
    }
    if (value instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new IllegalArgumentException("'metadata' key '" + key + "' must be an object");
  }

  private static List<String> strings(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof String s) {
      return s.isBlank() ? List.of() : List.of(s.strip());
    }
    if (value instanceof List<?> list) {
      return list.stream().filter(o -> o != null).map(o -> o.toString().strip()).filter(s -> !s.isEmpty()).toList();
    }
    throw new IllegalArgumentException("'requires." + key + "' must be a list of names");
  }
}
