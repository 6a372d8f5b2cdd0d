package dev.localgpt.core.skills;

import java.util.List;

/**
 * What a skill needs before it is offered ({@code metadata.openclaw}).
 *
 * @param bins programs that must all be on the PATH
 * @param anyBins programs of which at least one must be on the PATH (ignored when empty)
 * @param env environment variables that must all be set
 * @param config OpenClaw config paths that must be truthy; kept for listing, not checked (LocalGPT
 *     has no {@code openclaw.json})
 * @param os the platforms it runs on ({@code darwin}, {@code linux}, {@code win32}); empty means
 *     any
 * @param always skip the checks
 */
public record SkillRequirements(
    List<String> bins,
    List<String> anyBins,
    List<String> env,
    List<String> config,
    List<String> os,
    boolean always) {
  public static final SkillRequirements NONE =
      new SkillRequirements(List.of(), List.of(), List.of(), List.of(), List.of(), false);

  public SkillRequirements {
    bins = List.copyOf(bins);
    anyBins = List.copyOf(anyBins);
    env = List.copyOf(env);
    config = List.copyOf(config);
    os = List.copyOf(os);
  }
}
