package dev.localgpt.core.skills;

import dev.localgpt.ports.json.JsonArray;
import dev.localgpt.ports.json.JsonBool;
import dev.localgpt.ports.json.JsonNull;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.json.JsonString;
import dev.localgpt.ports.json.JsonValue;
import dev.localgpt.ports.text.FrontMatter;
import dev.localgpt.ports.text.FrontMatterParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one SKILL.md into a {@link Skill} from its front matter (read by a {@link
 * FrontMatterParser}): OpenClaw's fields, {@code metadata.openclaw} (or the legacy {@code
 * clawdbot}) with {@code requires}. Malformed front matter gives an INVALID skill, never an error.
 */
final class SkillParser {
  static final int MAX_DEFAULT_DESCRIPTION = 100;

  private SkillParser() {}

  static Skill parse(
      FrontMatterParser parser,
      String dirName,
      Path location,
      Skill.Source source,
      String content) {
    FrontMatter parsed;
    try {
      parsed = parser.parse(content);
    } catch (IllegalArgumentException e) {
      return invalid(dirName, location, source, e.getMessage());
    }
    JsonObject f = parsed.fields();
    String name = dirName;
    try {
      name = text(f, "name").orElse(dirName);
      String description = text(f, "description").orElseGet(() -> firstTextLine(parsed.body()));
      boolean userInvocable = bool(f, "user-invocable", true);
      boolean modelInvocable = !bool(f, "disable-model-invocation", false);
      JsonObject metadata = object(f, "metadata", "'metadata'");
      JsonObject openclaw = object(metadata, "openclaw", "'metadata.openclaw'");
      if (openclaw.isEmpty()) {
        openclaw = object(metadata, "clawdbot", "'metadata.clawdbot'");
      }
      JsonObject requires = object(openclaw, "requires", "'requires'");
      SkillRequirements req =
          new SkillRequirements(
              names(requires, "bins"),
              names(requires, "anyBins"),
              names(requires, "env"),
              names(requires, "config"),
              names(openclaw, "os"),
              bool(openclaw, "always", false));
      String emoji = text(openclaw, "emoji").orElse("");
      return new Skill(
          name,
          description,
          location,
          source,
          SkillCommands.commandName(name),
          userInvocable,
          modelInvocable,
          emoji,
          req,
          Skill.State.READY,
          "");
    } catch (IllegalArgumentException e) {
      return invalid(name, location, source, e.getMessage());
    }
  }

  static Skill invalid(String name, Path location, Skill.Source source, String reason) {
    return new Skill(
        name,
        "",
        location,
        source,
        SkillCommands.commandName(name),
        false,
        false,
        "",
        SkillRequirements.NONE,
        Skill.State.INVALID,
        "Invalid: " + reason);
  }

  /** The first non-empty line that is not a heading, at most 100 chars. */
  static String firstTextLine(String body) {
    return body.lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .findFirst()
        .map(
            l ->
                l.length() <= MAX_DEFAULT_DESCRIPTION
                    ? l
                    : l.substring(0, MAX_DEFAULT_DESCRIPTION - 1) + "…")
        .orElse("");
  }

  /** A scalar field as stripped text; empty when absent, null or blank. */
  private static Optional<String> text(JsonObject fields, String key) {
    return fields
        .get(key)
        .filter(v -> !(v instanceof JsonNull))
        .map(
            v -> {
              if (v instanceof JsonObject || v instanceof JsonArray) {
                throw new IllegalArgumentException(
                    "'" + key + "' must be text, got " + v.describe());
              }
              return v instanceof JsonString s ? s.value().strip() : v.toString();
            })
        .filter(s -> !s.isEmpty());
  }

  /** A flag given as a boolean or as true/false, yes/no, on/off text. */
  private static boolean bool(JsonObject fields, String key, boolean fallback) {
    JsonValue value = fields.get(key).orElse(JsonNull.INSTANCE);
    if (value instanceof JsonBool b) {
      return b.value();
    }
    String text = value instanceof JsonString s ? s.value().strip().toLowerCase(Locale.ROOT) : "";
    return switch (text) {
      case "" -> {
        if (value instanceof JsonNull || value instanceof JsonString) {
          yield fallback;
        }
        throw new IllegalArgumentException("'" + key + "' must be true or false, was " + value);
      }
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default ->
          throw new IllegalArgumentException(
              "'" + key + "' must be true or false, was '" + text + "'");
    };
  }

  private static JsonObject object(JsonObject parent, String key, String what) {
    JsonValue value = parent.get(key).orElse(JsonNull.INSTANCE);
    if (value instanceof JsonNull) {
      return JsonObject.EMPTY;
    }
    if (value instanceof JsonObject o) {
      return o;
    }
    throw new IllegalArgumentException(
        what + " must be a mapping (an object), got " + value.describe());
  }

  /** A list of names, also given as one name; blanks dropped. */
  private static List<String> names(JsonObject parent, String key) {
    JsonValue value = parent.get(key).orElse(JsonNull.INSTANCE);
    List<String> names =
        switch (value) {
          case JsonNull n -> List.of();
          case JsonString s -> List.of(s.value());
          case JsonArray a -> a.strings("requires." + key);
          default ->
              throw new IllegalArgumentException("'requires." + key + "' must be a list of names");
        };
    return names.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
