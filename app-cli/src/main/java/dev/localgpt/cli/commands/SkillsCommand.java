package dev.localgpt.cli.commands;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.localgpt.cli.CliContext;
import dev.localgpt.cli.CliException;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.core.skills.ScanFinding;
import dev.localgpt.core.skills.Skill;
import dev.localgpt.core.skills.SkillCheck;
import dev.localgpt.core.skills.SkillLoader;
import dev.localgpt.core.skills.SkillScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code localgpt skills list [--json] | show NAME | check [NAME] [--json]}. Reads skills, never
 * runs them.
 */
@Command(
    name = "skills",
    description = "List, show and check the workspace's skills.",
    mixinStandardHelpOptions = true)
public final class SkillsCommand implements Runnable {
  @Inject private CliContext context;
  @Inject private Provider<SkillLoader> skills;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing subcommand: list, show or check");
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Every skill: name, source, eligible or why not, command.")
  int list(@Option(names = "--json", description = "Print JSON.") boolean json) {
    List<Skill> skills = skills();
    if (json) {
      context.printJson(skills.stream().map(SkillsCommand::row).toList());
      return ExitCodes.OK;
    }
    if (skills.isEmpty()) {
      context.out().println("no skills; add one as skills/<name>/SKILL.md in the workspace");
    }
    for (Skill s : skills) {
      context
          .out()
          .printf(
              "%-24s %-9s %-8s /%-20s %s%n",
              s.name(),
              lower(s.source()),
              lower(s.state()),
              s.command(),
              s.ready() ? s.description() : s.reason());
    }
    return ExitCodes.OK;
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "A skill's details, front matter and body.")
  int show(@Parameters(paramLabel = "NAME", description = "The skill name.") String name) {
    Skill skill = find(name);
    context.out().println("name:     " + skill.name());
    context.out().println("source:   " + lower(skill.source()) + " (" + skill.location() + ")");
    context
        .out()
        .println(
            "state:    "
                + lower(skill.state())
                + (skill.reason().isEmpty() ? "" : " - " + skill.reason()));
    context.out().println("command:  /" + skill.command());
    context.out().println();
    context.out().print(read(skill));
    context.out().flush();
    return ExitCodes.OK;
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Validate the front matter and scan for dangerous content; exit 1 on high.")
  int check(
      @Parameters(paramLabel = "NAME", arity = "0..1", description = "One skill (default: all).")
          String name,
      @Option(names = "--json", description = "Print JSON.") boolean json) {
    List<Skill> targets = name == null ? skills() : List.of(find(name));
    SkillScanner scanner = SkillScanner.standard();
    List<SkillCheck> checks = new ArrayList<>();
    for (Skill s : targets) {
      checks.add(SkillCheck.of(s, read(s), scanner));
    }
    boolean high = checks.stream().anyMatch(SkillCheck::high);
    if (json) {
      context.printJson(checks.stream().map(SkillsCommand::row).toList());
    } else {
      for (SkillCheck c : checks) {
        context
            .out()
            .println(
                c.skill().name()
                    + ": "
                    + (c.findings().isEmpty() ? "ok" : c.findings().size() + " finding(s)"));
        for (ScanFinding f : c.findings()) {
          context
              .out()
              .printf(
                  "  %-6s line %-4d %-26s %s%s%n",
                  f.severity().label(),
                  f.line(),
                  f.rule(),
                  f.why(),
                  f.excerpt().isEmpty() ? "" : ": " + f.excerpt());
        }
      }
      if (targets.isEmpty()) {
        context.out().println("no skills to check");
      }
    }
    return high ? ExitCodes.GENERAL : ExitCodes.OK;
  }

  private List<Skill> skills() {
    return skills.get().load().all();
  }

  private Skill find(String name) {
    return skills().stream()
        .filter(s -> s.name().equals(name) || s.command().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new CliException(
                    "no skill '" + name + "'",
                    "list them with 'localgpt skills list'",
                    ExitCodes.GENERAL));
  }

  private static String read(Skill skill) {
    try {
      return Files.readString(skill.location(), StandardCharsets.UTF_8);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new CliException(
          "cannot read " + skill.location() + ": " + e.getMessage(),
          "check the file's permissions",
          ExitCodes.GENERAL);
    }
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static Map<String, Object> row(Skill s) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", s.name());
    row.put("source", lower(s.source()));
    row.put("eligible", s.ready());
    row.put("state", lower(s.state()));
    row.put("reason", s.reason());
    row.put("command", "/" + s.command());
    row.put("description", s.description());
    row.put("location", s.location().toString());
    return row;
  }

  static Map<String, Object> row(SkillCheck c) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("name", c.skill().name());
    row.put("location", c.skill().location().toString());
    row.put("worst", c.worst() == null ? "none" : c.worst().label());
    row.put(
        "findings",
        c.findings().stream()
            .map(
                f -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("rule", f.rule());
                  m.put("severity", f.severity().label());
                  m.put("line", f.line());
                  m.put("why", f.why());
                  m.put("excerpt", f.excerpt());
                  return m;
                })
            .toList());
    return row;
  }
}
