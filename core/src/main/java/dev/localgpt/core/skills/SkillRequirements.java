package dev.localgpt.core.skills;

import java.util.List;

/**
 * What a skill needs before it is offered ({@code metadata.openclaw}).
 *
 * @param bins programs that must all be on the PATH
 * @param anyBins programs of which at least one must be on the PATH (ignored when empty)
 * @param env environment variables that must all be set
 * @param always skip the checks
 */
public record SkillRequirements(List<String> bins, List<String> anyBins, List<String> env, boolean always) {
  public static final SkillRequirements NONE = new SkillRequirements(List.of(), List.of(), List.of(), false);

  public SkillRequirements {
    bins = List.copyOf(bins);
    anyBins = List.copyOf(anyBins);
    env = List.copyOf(env);
  }
}
