package dev.localgpt.core.skills;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One content rule of the skill scanner, as data.
 *
 * @param id a stable short id ({@code download-pipe-shell})
 * @param severity how serious a match is
 * @param pattern what to look for in the whole SKILL.md (the line of a finding is where the match
 *     starts)
 * @param why one line a user understands
 */
public record ScanRule(String id, Severity severity, Pattern pattern, String why) {
  public ScanRule {
    Objects.requireNonNull(id, "'id' must not be null");
    Objects.requireNonNull(severity, "'severity' must not be null");
    Objects.requireNonNull(pattern, "'pattern' must not be null");
    Objects.requireNonNull(why, "'why' must not be null");
  }

  /** A case-insensitive rule whose pattern also matches across lines where it says so. */
  static ScanRule of(String id, Severity severity, String regex, String why) {
    return new ScanRule(
        id, severity, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.MULTILINE), why);
  }
}
