package dev.localgpt.core.skills;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Scans the text of a SKILL.md for what third-party skills use to attack: download-and-run, encoded
 * payloads fed to a shell, password-protected archives, reverse shells, instructions to drop safety
 * or hide things from the user, hidden text and requests for secrets. The rules are data ({@link
 * #RULES}); the scanner reads, it never runs anything.
 */
public final class SkillScanner {
  private static final String SHELL = "(?:sudo\\s+)?(?:ba|z|da|k|fi)?sh\\b";
  private static final String INVISIBLE = "[\\u200B-\\u200F\\u2060-\\u2064\\uFEFF\\u00AD\\u180E]";
  private static final String BIDI = "[\\u202A-\\u202E\\u2066-\\u2069]";

  /** The built-in rules, most serious first. */
  public static final List<ScanRule> RULES =
      List.of(
          ScanRule.of(
              "download-pipe-shell",
              Severity.HIGH,
              "\\b(?:curl|wget|fetch)\\b[^\\n|]*\\|\\s*" + SHELL,
              "downloads a script and pipes it straight into a shell"),
          ScanRule.of(
              "download-pipe-interpreter",
              Severity.HIGH,
              "\\b(?:curl|wget)\\b[^\\n|]*\\|\\s*(?:sudo\\s+)?(?:python[0-9.]*|perl|ruby|node|php)\\b",
              "downloads code and pipes it straight into an interpreter"),
          ScanRule.of(
              "download-substitution",
              Severity.HIGH,
              "(?:\\$\\(|`|<\\()\\s*(?:curl|wget)\\b",
              "runs the output of a download (command or process substitution)"),
          ScanRule.of(
              "download-then-run",
              Severity.HIGH,
              "\\b(?:curl|wget)\\b[^\\n]*(?:&&|;)\\s*(?:chmod\\s+\\+?[0-7x]+[^\\n]*(?:&&|;)\\s*)?\\./",
              "downloads a file and executes it"),
          ScanRule.of(
              "base64-to-shell",
              Severity.HIGH,
              "\\bbase64\\s+(?:-d|--decode|-D)\\b[^\\n]*\\|\\s*(?:" + SHELL + "|eval|python|perl)",
              "decodes a base64 payload and feeds it to a shell"),
          ScanRule.of(
              "eval-decoded",
              Severity.HIGH,
              "\\beval\\s*[(\"$`'\\s][^\\n]*(?:base64|\\\\x[0-9a-f]{2}|xxd|atob|fromCharCode|decode)",
              "evaluates decoded or encoded text, hiding what really runs"),
          ScanRule.of(
              "hex-to-shell",
              Severity.HIGH,
              "(?:xxd\\s+-r|printf\\s+['\"]?(?:\\\\x[0-9a-f]{2}){4,}|echo\\s+-e\\s+['\"]?(?:\\\\x[0-9a-f]{2}){4,})"
                  + "[^\\n]*\\|\\s*(?:"
                  + SHELL
                  + "|eval)",
              "turns hex-encoded text into a command for a shell"),
          ScanRule.of(
              "password-archive",
              Severity.HIGH,
              "\\b(?:unzip\\s+(?:-\\w+\\s+)*-P\\s*\\S+|7za?\\s+[xe]\\b[^\\n]*\\s-p\\S+|unrar\\s+[xe]\\b[^\\n]*\\s-p\\S+)"
                  + "|password[- ]protected\\s+(?:zip|archive|file|rar|7z)",
              "uses a password-protected archive, the usual way to get malware past scanners"),
          ScanRule.of(
              "reverse-shell-dev-tcp",
              Severity.HIGH,
              "/dev/(?:tcp|udp)/",
              "opens a raw network connection from the shell (a reverse shell)"),
          ScanRule.of(
              "reverse-shell-netcat",
              Severity.HIGH,
              "\\b(?:nc|ncat|netcat)\\b[^\\n]*\\s-(?:e|c)\\s",
              "netcat with -e/-c hands a shell to a remote host"),
          ScanRule.of(
              "reverse-shell-interactive",
              Severity.HIGH,
              "\\b(?:ba|z)?sh\\s+-i\\b[^\\n]*[<>]&|\\bmkfifo\\b[^\\n]*\\b(?:nc|ncat|sh)\\b|socat\\b[^\\n]*exec:",
              "connects an interactive shell to a remote host (a reverse shell)"),
          ScanRule.of(
              "ignore-instructions",
              Severity.HIGH,
              "\\b(?:ignore|disregard|forget|override)\\s+(?:all\\s+|any\\s+|the\\s+|your\\s+)*"
                  + "(?:previous|prior|above|earlier|system|original|existing)\\s+"
                  + "(?:instructions?|rules|prompts?|guidelines|directions|messages?)",
              "tells the model to ignore its instructions (prompt injection)"),
          ScanRule.of(
              "disable-safety",
              Severity.HIGH,
              "\\b(?:disable|bypass|turn\\s+off|switch\\s+off|circumvent|skip|ignore)\\s+(?:the\\s+|all\\s+|any\\s+|your\\s+)*"
                  + "(?:safety|security|guardrails?|approvals?|sandbox(?:ing)?|content\\s+filters?|restrictions|"
                  + "confirmations?|safeguards?)\\b",
              "tells the model to turn off safety checks or approvals"),
          ScanRule.of(
              "hide-from-user",
              Severity.HIGH,
              "\\b(?:do\\s+not|don'?t|never)\\s+(?:tell|inform|mention|show|reveal|report)\\b[^\\n]{0,30}\\buser\\b",
              "tells the model to keep something from the user"),
          ScanRule.of(
              "html-comment-instruction",
              Severity.HIGH,
              "<!--(?:(?!-->)[\\s\\S]){0,2000}?\\b(?:ignore|disregard|run|execute|curl|wget|send|upload|secret|password|"
                  + "api[_ -]?key|token|assistant|system|instructions?|do\\s+not)\\b(?:(?!-->)[\\s\\S]){0,2000}?-->",
              "hides instructions in an HTML comment the user does not see rendered"),
          ScanRule.of(
              "bidi-control",
              Severity.HIGH,
              BIDI,
              "contains a bidirectional override character that makes text read differently than it runs"),
          ScanRule.of(
              "zero-width",
              Severity.MEDIUM,
              INVISIBLE + "+",
              "contains invisible (zero-width or soft-hyphen) characters that can hide text"),
          ScanRule.of(
              "secret-request",
              Severity.HIGH,
              "\\b(?:send|paste|share|provide|give|upload|post|tell|enter|email|submit|read|print|cat|echo)\\b"
                  + "[^\\n]{0,40}?(?:\\bapi[_ -]?keys?\\b|\\bsecret(?:s|\\s+keys?)?\\b|\\bpasswords?\\b|\\bprivate\\s+keys?\\b"
                  + "|\\bcredentials\\b|\\bseed\\s+phrase\\b|\\$\\{?[A-Z0-9_]*(?:API_KEY|TOKEN|SECRET|PASSWORD)\\b)",
              "asks for API keys, passwords or other secrets"),
          ScanRule.of(
              "credential-files",
              Severity.HIGH,
              "(?:~|\\$HOME|\\$\\{HOME})/\\.(?:ssh|aws|gnupg|netrc|docker/config|kube/config)|\\bid_(?:rsa|ed25519)\\b"
                  + "|\\.localgpt/config\\.toml|localgpt\\.device\\.key",
              "reads credential files (SSH keys, cloud credentials, LocalGPT's config)"),
          ScanRule.of(
              "env-exfiltration",
              Severity.HIGH,
              "\\b(?:env|printenv|set)\\s*\\|\\s*(?:curl|nc|ncat|wget)\\b"
                  + "|\\b(?:curl|wget)\\b[^\\n]*\\$\\{?[A-Z0-9_]*(?:KEY|TOKEN|SECRET|PASSWORD)\\b",
              "sends environment variables or secrets over the network"),
          ScanRule.of(
              "destructive-command",
              Severity.HIGH,
              "\\brm\\s+-(?:rf|fr|r\\s+-f)\\s+(?:/|~|\\$HOME)(?:\\s|$|\\*)|\\bmkfs\\b|\\bdd\\s+if=[^\\n]*of=/dev/",
              "deletes or overwrites the whole disk or home"),
          ScanRule.of(
              "long-encoded-blob",
              Severity.MEDIUM,
              "[A-Za-z0-9+/]{160,}={0,2}|(?:\\\\x[0-9a-f]{2}){32,}",
              "contains a long encoded blob; a skill should be readable text"),
          ScanRule.of(
              "privilege-escalation",
              Severity.LOW,
              "\\bsudo\\b|\\bchmod\\s+(?:-R\\s+)?777\\b",
              "asks for root or world-writable permissions"));

  private final List<ScanRule> rules;

  public SkillScanner(List<ScanRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** A scanner with {@link #RULES}. */
  public static SkillScanner standard() {
    return new SkillScanner(RULES);
  }

  /** Every match of every rule, by line then severity (most serious first). */
  public List<ScanFinding> scan(String text) {
    String content = text == null ? "" : text;
    List<ScanFinding> out = new ArrayList<>();
    for (ScanRule rule : rules) {
      Matcher m = rule.pattern().matcher(content);
      int lastLine = -1;
      while (m.find()) {
        int line = lineOf(content, m.start());
        if (line != lastLine) {
          out.add(new ScanFinding(rule.id(), rule.severity(), line, rule.why(), m.group()));
          lastLine = line;
        }
      }
    }
    out.sort(
        Comparator.comparingInt(ScanFinding::line).thenComparing(f -> -f.severity().ordinal()));
    return out;
  }

  static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /**
   * Whether a code point is an invisible formatting character (zero-width, soft hyphen, bidi
   * control).
   */
  static boolean invisible(int c) {
    return (c >= 0x200B && c <= 0x200F)
        || (c >= 0x2060 && c <= 0x2064)
        || c == 0xFEFF
        || c == 0x00AD
        || c == 0x180E
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069);
  }
}
