package dev.localgpt.core.agent.tools;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bash deny-list: LocalGPT's dangerous substrings and patterns plus configured extra
 * substrings. A heuristic, not a sandbox; it stops obvious accidents and the commonest injection
 * payloads.
 */
final class BashPolicy {
  private static final List<String> SUBSTRINGS =
      List.of(
          "rm -rf /",
          "rm -rf ~",
          "rm -fr /",
          "mkfs",
          ":(){ :|:& };:",
          "chmod 777",
          "chmod -r 777",
          "localgpt.device.key",
          "dd if=",
          "> /dev/sd",
          "shutdown",
          "reboot");
  private static final List<Pattern> PATTERNS =
      List.of(
          Pattern.compile("\\bsudo\\b"),
          Pattern.compile("\\bsu\\s+-?\\s*(root)?\\s*$"),
          Pattern.compile("\\b(curl|wget)\\b.*\\|\\s*(ba|z|da)?sh\\b"),
          Pattern.compile("\\b(curl|wget)\\b.*\\|\\s*python"),
          Pattern.compile("\\.ssh/|\\.aws/|\\.gnupg/"));

  private final List<String> extra;

  BashPolicy(List<String> extra) {
    this.extra =
        extra.stream().map(s -> s.toLowerCase(Locale.ROOT)).filter(s -> !s.isBlank()).toList();
  }

  /** The reason a command is refused, or empty if it may run. */
  Optional<String> refusal(String command) {
    String lower = command.toLowerCase(Locale.ROOT);
    for (String s : SUBSTRINGS) {
      if (lower.contains(s)) {
        return Optional.of("command refused: it contains '" + s + "', which is on the deny-list");
      }
    }
    for (String s : extra) {
      if (lower.contains(s)) {
        return Optional.of(
            "command refused: it contains '" + s + "', which is on the configured deny-list");
      }
    }
    for (Pattern p : PATTERNS) {
      if (p.matcher(lower).find()) {
        return Optional.of("command refused: it matches the deny-list pattern " + p.pattern());
      }
    }
    return Optional.empty();
  }
}
