package dev.localgpt.core.skills;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * LocalGPT's eligibility rule: every {@code bins} on the PATH, one of {@code anyBins}, every {@code
 * env} set, and OpenClaw's {@code os} list (when given) naming this platform.
 */
final class SkillEligibility {
  /** This platform in OpenClaw's words: {@code darwin}, {@code win32} or {@code linux}. */
  static final String PLATFORM = platform(System.getProperty("os.name", ""));

  private SkillEligibility() {}

  static String platform(String osName) {
    String os = osName.toLowerCase(java.util.Locale.ROOT);
    return os.startsWith("mac") || os.startsWith("darwin")
        ? "darwin"
        : os.startsWith("windows") ? "win32" : "linux";
  }

  /**
   * The skill as READY or BLOCKED ("Blocked: missing bins: …"); INVALID skills are returned
   * unchanged.
   */
  static Skill check(Skill skill, BinaryLookup lookup, Map<String, String> env) {
    if (skill.state() == Skill.State.INVALID || skill.requires().always()) {
      return skill;
    }
    List<String> problems = new ArrayList<>();
    List<String> os = skill.requires().os();
    if (!os.isEmpty() && !os.contains(PLATFORM)) {
      problems.add("runs on " + String.join(", ", os) + ", not " + PLATFORM);
    }
    List<String> missingBins =
        skill.requires().bins().stream().filter(b -> !lookup.exists(b)).toList();
    if (!missingBins.isEmpty()) {
      problems.add("missing bins: " + String.join(", ", missingBins));
    }
    List<String> any = skill.requires().anyBins();
    if (!any.isEmpty() && any.stream().noneMatch(lookup::exists)) {
      problems.add("needs one of: " + String.join(", ", any));
    }
    List<String> missingEnv =
        skill.requires().env().stream()
            .filter(v -> env.get(v) == null || env.get(v).isBlank())
            .toList();
    if (!missingEnv.isEmpty()) {
      problems.add("missing env: " + String.join(", ", missingEnv));
    }
    return problems.isEmpty()
        ? skill
        : skill.withState(Skill.State.BLOCKED, "Blocked: " + String.join("; ", problems));
  }
}
