package dev.localgpt.core.security;

import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.config.ToolsConfig;
import dev.localgpt.core.skills.ScanFinding;
import dev.localgpt.core.skills.Severity;
import dev.localgpt.core.skills.SkillCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code localgpt security audit}: secrets written in config.toml, the server's bind and token, the
 * tools' limits and approvals, the skills {@code skills check} flags, and (through {@link
 * FileChecks}) the home's permissions. Most serious findings first; never reads out a secret.
 */
public final class SecurityAudit {
  private static final Pattern SECTION =
      Pattern.compile("^\\s*\\[+\\s*([^\\]]+?)\\s*]+\\s*(?:#.*)?$");
  private static final Pattern SECRET_LINE =
      Pattern.compile(
          "^\\s*\"?([A-Za-z0-9_.-]*(?:api_key|apikey|token|secret|password))\"?\\s*=\\s*(['\"])(.*?)\\2",
          Pattern.CASE_INSENSITIVE);

  /** Tools that change files, run commands or reach the network. */
  static final List<String> SENSITIVE_TOOLS =
      List.of("bash", "write_file", "edit_file", "web_fetch");

  private SecurityAudit() {}

  /** Every finding, most serious first. */
  public static List<AuditFinding> run(AuditInput in) {
    List<AuditFinding> out = new ArrayList<>();
    out.addAll(FileChecks.run(in));
    out.addAll(plaintextSecrets(in));
    out.addAll(server(in.config()));
    out.addAll(tools(in.config().tools(), in.shellSandboxed()));
    out.addAll(skills(in.skills()));
    out.sort(Comparator.comparing(AuditFinding::severity).reversed());
    return out;
  }

  /** Whether the audit fails (any HIGH finding). */
  public static boolean failed(List<AuditFinding> findings) {
    return findings.stream().anyMatch(f -> f.severity() == Severity.HIGH);
  }

  static List<AuditFinding> plaintextSecrets(AuditInput in) {
    if (!Files.isRegularFile(in.configFile())) {
      return List.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(in.configFile(), StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      return List.of(
          AuditFinding.of(
              Severity.MEDIUM,
              "config-unreadable",
              "config.toml cannot be read to check it",
              in.configFile().toString(),
              "make it readable by you: chmod 600 " + in.configFile()));
    }
    List<AuditFinding> out = new ArrayList<>();
    String section = "";
    for (int i = 0; i < lines.size(); i++) {
      Matcher header = SECTION.matcher(lines.get(i));
      if (header.matches()) {
        section = header.group(1) + ".";
        continue;
      }
      Matcher m = SECRET_LINE.matcher(lines.get(i));
      if (m.find() && !m.group(3).isBlank() && !m.group(3).strip().startsWith("${")) {
        String key = section + m.group(1);
        String variable = m.group(1).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        out.add(
            AuditFinding.of(
                Severity.HIGH,
                "plaintext-secret",
                "'" + key + "' is written in plain text in config.toml",
                in.configFile() + ":" + (i + 1),
                "move the value to an environment variable and write "
                    + m.group(1)
                    + " = \"${"
                    + variable
                    + "}\""));
      }
    }
    return out;
  }

  static List<AuditFinding> server(LocalGptConfig config) {
    var server = config.server();
    String bind = server.bind().strip();
    boolean loopback =
        bind.equals("127.0.0.1")
            || bind.equals("::1")
            || bind.equals("localhost")
            || bind.startsWith("127.");
    if (!server.enabled() || loopback) {
      return List.of();
    }
    if (server.authToken().isEmpty()) {
      return List.of(
          AuditFinding.of(
              Severity.HIGH,
              "server-exposed",
              "the server listens on "
                  + bind
                  + " without an auth token: anyone on the network can use it",
              "[server] bind",
              "set bind = \"127.0.0.1\", or set auth_token = \"${LOCALGPT_SERVER_TOKEN}\""));
    }
    return List.of(
        AuditFinding.of(
            Severity.LOW,
            "server-exposed",
            "the server listens on " + bind + " (token required)",
            "[server] bind",
            "keep it on 127.0.0.1 unless other machines need it"));
  }

  static List<AuditFinding> tools(ToolsConfig tools, boolean sandboxed) {
    List<AuditFinding> out = new ArrayList<>();
    List<String> approval = tools.requireApproval();
    if (tools.bashEnabled()) {
      if (!approval.contains("bash")) {
        out.add(
            AuditFinding.of(
                Severity.HIGH,
                "tool-approval",
                "bash is enabled and runs commands without asking",
                "[tools] require_approval",
                "add \"bash\" to require_approval, or set bash_enabled = false"));
      }
      if (!sandboxed) {
        out.add(
            AuditFinding.of(
                Severity.MEDIUM,
                "shell-sandbox",
                "bash is enabled but not sandboxed (Bubblewrap 'bwrap' not found): it can read your files",
                "bash tool",
                "install Bubblewrap (Debian/Ubuntu: apt-get install bubblewrap)"));
      }
    }
    List<String> domains = tools.webFetchAllowedDomains();
    if (domains.stream().anyMatch(d -> d.isBlank() || d.strip().equals("*"))) {
      out.add(
          AuditFinding.of(
              Severity.MEDIUM,
              "web-fetch-unlimited",
              "web_fetch may reach any host",
              "[tools] web_fetch_allowed_domains",
              "list only the hosts you need"));
    }
    List<String> unguarded =
        tools.allowAfterUntrusted().stream()
            .filter(t -> t.equals("*") || t.equals("bash") || t.equals("web_fetch"))
            .toList();
    if (!unguarded.isEmpty()) {
      out.add(
          AuditFinding.of(
              Severity.MEDIUM,
              "untrusted-gate",
              String.join(", ", unguarded)
                  + " may act without approval after reading untrusted content (a file, a web"
                  + " page, memory), which is what prompt injection needs",
              "[tools] allow_after_untrusted",
              "list only tools that write files, e.g. [\"edit_file\"]"));
    }
    for (String tool : List.of("write_file", "edit_file", "web_fetch")) {
      boolean offered = !tool.equals("web_fetch") || !domains.isEmpty();
      if (offered && !approval.contains(tool)) {
        out.add(
            AuditFinding.of(
                Severity.LOW,
                "tool-approval",
                tool + " runs without asking",
                "[tools] require_approval",
                "add \"" + tool + "\" to require_approval to confirm each call"));
      }
    }
    return out;
  }

  static List<AuditFinding> skills(List<SkillCheck> checks) {
    List<AuditFinding> out = new ArrayList<>();
    for (SkillCheck c : checks) {
      if (c.worst() == null || c.worst() == Severity.LOW) {
        continue;
      }
      String rules =
          String.join(
              ", ",
              c.findings().stream()
                  .filter(f -> f.severity() == c.worst())
                  .map(f -> f.rule() + " (line " + f.line() + ")")
                  .distinct()
                  .toList());
      long count =
          c.findings().stream().map(ScanFinding::severity).filter(s -> s == c.worst()).count();
      out.add(
          AuditFinding.of(
              c.worst(),
              "skill",
              "skill '"
                  + c.skill().name()
                  + "' has "
                  + count
                  + " "
                  + c.worst().label()
                  + " finding(s): "
                  + rules,
              c.skill().location().toString(),
              "read it with 'localgpt skills check "
                  + c.skill().name()
                  + "' and remove the skill if you did not write it"));
    }
    return out;
  }
}
