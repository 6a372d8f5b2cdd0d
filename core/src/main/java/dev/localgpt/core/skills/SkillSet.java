package dev.localgpt.core.skills;

import dev.localgpt.core.agent.prompt.SkillEntry;
import java.util.List;
import java.util.Optional;

/**
 * The skills of one session (a snapshot): all of them for {@code /skills}, the ready ones for the
 * prompt and the slash commands.
 *
 * @param all every discovered skill, sorted by name, including blocked and invalid ones
 */
public record SkillSet(List<Skill> all) {
  public static final SkillSet EMPTY = new SkillSet(List.of());

  /** OpenClaw's {@code maxSkillsInPrompt}. */
  public static final int MAX_IN_PROMPT = 150;

  public SkillSet {
    all = List.copyOf(all);
  }

  public List<Skill> ready() {
    return all.stream().filter(Skill::ready).toList();
  }

  /**
   * The entries for the system prompt's skills list: ready skills the model may use, as {@code -
   * [emoji ]name: description (or use /cmd command)} lines.
   */
  public List<SkillEntry> promptEntries() {
    return ready().stream()
        .filter(Skill::modelInvocable)
        .limit(MAX_IN_PROMPT)
        .map(
            s ->
                new SkillEntry(
                    s.emoji().isEmpty() ? s.name() : s.emoji() + " " + s.name(),
                    s.description()
                        + (s.userInvocable() ? " (or use /" + s.command() + " command)" : ""),
                    s.location().toString()))
        .toList();
  }

  /** The ready, user-invocable skill with this command name (without the slash). */
  public Optional<Skill> byCommand(String command) {
    return ready().stream()
        .filter(s -> s.userInvocable() && s.command().equals(command))
        .findFirst();
  }

  /** Command names of the invocable skills, for help and suggestions. */
  public List<String> commands() {
    return ready().stream().filter(Skill::userInvocable).map(Skill::command).toList();
  }
}
