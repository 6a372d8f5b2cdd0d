package dev.localgpt.core.skills;

import java.util.Objects;

/**
 * One problem found in a skill.
 *
 * @param rule the id of the rule (or {@code front-matter})
 * @param severity how serious it is
 * @param line the 1-based line where it starts
 * @param why what is wrong
 * @param excerpt the matching text, shortened, with invisible characters shown as {@code \\uXXXX}
 */
public record ScanFinding(String rule, Severity severity, int line, String why, String excerpt) {
  static final int MAX_EXCERPT = 80;

  public ScanFinding {
    Objects.requireNonNull(rule, "'rule' must not be null");
    Objects.requireNonNull(severity, "'severity' must not be null");
    Objects.requireNonNull(why, "'why' must not be null");
    excerpt = visible(excerpt == null ? "" : excerpt);
  }

  /**
   * Invisible and control characters as escapes, newlines as spaces, at most {@value #MAX_EXCERPT}
   * chars.
   */
  static String visible(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (c == '\n' || c == '\r' || c == '\t') {
                out.append(' ');
              } else if (Character.isISOControl(c) || SkillScanner.invisible(c)) {
                out.append(String.format("\\u%04X", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    String s = out.toString().strip();
    return s.length() > MAX_EXCERPT ? s.substring(0, MAX_EXCERPT - 3) + "..." : s;
  }
}
