package dev.localgpt.core.skills;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One discovered skill.
 *
 * @param name the skill name (front matter {@code name}, else the directory name)
 * @param description one line on when to use it (front matter, else the first non-heading line, at
 *     most 100 chars)
 * @param location the absolute path of its SKILL.md
 * @param source which root it came from
 * @param command the slash command name ({@code /command}), unique among skills
 * @param userInvocable whether {@code /command} invokes it
 * @param modelInvocable whether it is listed to the model ({@code disable-model-invocation: false})
 * @param emoji an emoji for lists, or empty
 * @param requires what it needs to be eligible
 * @param state ready, blocked by missing requirements, or invalid
 * @param reason why it is blocked or invalid; empty when ready
 */
public record Skill(
    String name,
    String description,
    Path location,
    Source source,
    String command,
    boolean userInvocable,
    boolean modelInvocable,
    String emoji,
    SkillRequirements requires,
    State state,
    String reason) {

  /** Where a skill was found; the workspace overrides the managed directory by name. */
  public enum Source {
    WORKSPACE,
    MANAGED
  }

  /** Whether a skill can be used. */
  public enum State {
    READY,
    BLOCKED,
    INVALID
  }

  public Skill {
    Objects.requireNonNull(name, "'name' must not be null");
    description = description == null ? "" : description;
    Objects.requireNonNull(location, "'location' must not be null");
    Objects.requireNonNull(source, "'source' must not be null");
    Objects.requireNonNull(command, "'command' must not be null");
    emoji = emoji == null ? "" : emoji;
    Objects.requireNonNull(requires, "'requires' must not be null");
    Objects.requireNonNull(state, "'state' must not be null");
    reason = reason == null ? "" : reason;
  }

  public boolean ready() {
    return state == State.READY;
  }

  Skill withCommand(String newCommand) {
    return new Skill(
        name,
        description,
        location,
        source,
        newCommand,
        userInvocable,
        modelInvocable,
        emoji,
        requires,
        state,
        reason);
  }

  Skill withState(State newState, String newReason) {
    return new Skill(
        name,
        description,
        location,
        source,
        command,
        userInvocable,
        modelInvocable,
        emoji,
        requires,
        newState,
        newReason);
  }
}
