package dev.localgpt.core.agent.prompt;

import java.util.Objects;

/**
 * A skill as listed in the system prompt.
 *
 * @param name the skill name
 * @param description one line on when to use it
 * @param location path of its SKILL.md as the model should pass it to {@code read_file}
 */
public record SkillEntry(String name, String description, String location) {
  public SkillEntry {
    Objects.requireNonNull(name, "'name' must not be null");
    description = description == null ? "" : description;
    Objects.requireNonNull(location, "'location' must not be null");
  }
}
