package dev.localgpt.core.skills;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code skills check}: the front matter validated (an invalid skill, a missing name or
 * description) plus the {@link SkillScanner} findings of its text.
 *
 * @param skill the skill checked
 * @param findings what was found, by line
 */
public record SkillCheck(Skill skill, List<ScanFinding> findings) {
  public SkillCheck {
    findings = List.copyOf(findings);
  }

  /** Checks one skill whose SKILL.md reads {@code content}. */
  public static SkillCheck of(Skill skill, String content, SkillScanner scanner) {
    List<ScanFinding> out = new ArrayList<>();
    if (skill.state() == Skill.State.INVALID) {
      out.add(
          new ScanFinding(
              "front-matter",
              Severity.MEDIUM,
              1,
              skill.reason() + "; fix the YAML between the '---' lines",
              ""));
    } else {
      String head = frontMatter(content);
      if (!head.matches("(?s).*(?m:^name\\s*:).*")) {
        out.add(
            new ScanFinding(
                "front-matter",
                Severity.LOW,
                1,
                "no 'name' in the front matter; the folder name is used",
                ""));
      }
      if (!head.matches("(?s).*(?m:^description\\s*:).*")) {
        out.add(
            new ScanFinding(
                "front-matter",
                Severity.LOW,
                1,
                "no 'description' in the front matter; the model sees only the first line of the body",
                ""));
      }
    }
    out.addAll(scanner.scan(content));
    return new SkillCheck(skill, out);
  }

  /** The most serious severity found, or null when clean. */
  public Severity worst() {
    return findings.stream().map(ScanFinding::severity).max(Enum::compareTo).orElse(null);
  }

  public boolean high() {
    return worst() == Severity.HIGH;
  }

  private static String frontMatter(String content) {
    String text = content == null ? "" : content.replace("\r\n", "\n");
    if (!text.startsWith("---\n")) {
      return "";
    }
    int end = text.indexOf("\n---", 4);
    return end < 0 ? "" : text.substring(4, end + 1);
  }
}
