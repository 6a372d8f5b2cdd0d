package dev.localgpt.cli.commands;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.localgpt.cli.CliContext;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.core.agent.tools.BashSandbox;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.security.AuditFinding;
import dev.localgpt.core.security.AuditFixer;
import dev.localgpt.core.security.AuditInput;
import dev.localgpt.core.security.SecurityAudit;
import dev.localgpt.core.skills.Severity;
import dev.localgpt.core.skills.Skill;
import dev.localgpt.core.skills.SkillCheck;
import dev.localgpt.core.skills.SkillLoader;
import dev.localgpt.core.skills.SkillScanner;
import dev.localgpt.core.workspace.LocalGptHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code localgpt security audit [--json] [--fix]}. */
@Command(
    name = "security",
    description = "Check this installation's security.",
    mixinStandardHelpOptions = true)
public final class SecurityCommand implements Runnable {
  @Inject private CliContext context;
  @Inject private Provider<LocalGptHome> home;
  @Inject private Provider<LocalGptConfig> config;
  @Inject private Provider<SkillLoader> skills;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: audit");
  }

  @Command(
      name = "audit",
      mixinStandardHelpOptions = true,
      description =
          "Permissions, secrets in config.toml, server exposure, tool limits and "
              + "approvals, flagged skills; exit 1 on a high finding.")
  int audit(
      @Option(names = "--json", description = "Print JSON.") boolean json,
      @Option(
              names = "--fix",
              description = "Apply the safe fixes (chmod 700/600) and say what changed.")
          boolean fix) {
    LocalGptHome home = this.home.get();
    LocalGptConfig config = this.config.get();
    BashSandbox sandbox =
        new BashSandbox(
            BashSandbox.findBwrap(context.env()), config.tools().bashNetwork(), List.of());
    AuditInput input =
        new AuditInput(
            home.root(),
            home.configFile(),
            LocalGptHome.userHome(context.env()),
            config,
            skillChecks(),
            sandbox.sandboxed());
    List<AuditFinding> findings = SecurityAudit.run(input);
    List<String> fixed = List.of();
    if (fix) {
      fixed = AuditFixer.apply(findings);
      findings = SecurityAudit.run(input);
    }
    String shell =
        config.tools().bashEnabled()
            ? "bash " + sandbox.describe()
            : "bash is off"
                + (sandbox.sandboxed() ? " (would be sandboxed)" : " (bubblewrap not found)");
    if (json) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("home", home.root().toString());
      data.put("shell_sandboxed", sandbox.sandboxed());
      data.put("shell", shell);
      data.put("passed", !SecurityAudit.failed(findings));
      data.put("fixed", fixed);
      data.put("findings", findings.stream().map(SecurityCommand::row).toList());
      context.printJson(data);
    } else {
      print(home, shell, findings, fixed);
    }
    return SecurityAudit.failed(findings) ? ExitCodes.GENERAL : ExitCodes.OK;
  }

  private void print(
      LocalGptHome home, String shell, List<AuditFinding> findings, List<String> fixed) {
    var out = context.out();
    out.println("security audit of " + home.root());
    out.println("shell: " + shell);
    for (String line : fixed) {
      out.println("fixed: " + line);
    }
    for (AuditFinding f : findings) {
      out.printf(
          "%-6s %s%n       where: %s%n       fix:   %s%n",
          f.severity().label(), f.what(), f.where(), f.fix());
    }
    long high = findings.stream().filter(f -> f.severity() == Severity.HIGH).count();
    long medium = findings.stream().filter(f -> f.severity() == Severity.MEDIUM).count();
    long low = findings.size() - high - medium;
    out.println(
        findings.isEmpty()
            ? "no findings: passed"
            : findings.size()
                + " finding(s): "
                + high
                + " high, "
                + medium
                + " medium, "
                + low
                + " low"
                + (high > 0 ? ": FAILED" : ": passed"));
  }

  private List<SkillCheck> skillChecks() {
    List<SkillCheck> checks = new ArrayList<>();
    SkillScanner scanner = SkillScanner.standard();
    for (Skill s : skills.get().load().all()) {
      try {
        checks.add(
            SkillCheck.of(s, Files.readString(s.location(), StandardCharsets.UTF_8), scanner));
      } catch (IOException | java.io.UncheckedIOException e) {
        checks.add(SkillCheck.of(s, "", scanner));
      }
    }
    return checks;
  }

  private static Map<String, Object> row(AuditFinding f) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("severity", f.severity().label());
    row.put("check", f.check());
    row.put("what", f.what());
    row.put("where", f.where());
    row.put("fix", f.fix());
    return row;
  }
}
