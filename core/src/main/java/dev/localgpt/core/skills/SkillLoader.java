package dev.localgpt.core.skills;

import dev.localgpt.ports.text.FrontMatterParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Discovers skills: {@code <workspace>/skills/<dir>/SKILL.md}, then the optional managed directory
 * ({@code <managed>/<dir>/SKILL.md}); the workspace wins on a name clash. Each skill is parsed,
 * checked for eligibility and given a unique command name that avoids the reserved (built-in) slash
 * commands. A broken skill is listed as INVALID with its reason; loading never throws for bad skill
 * files. Nothing is executed.
 */
public final class SkillLoader {
  public static final int MAX_CANDIDATES_PER_ROOT = 300;
  public static final int MAX_SKILL_FILE_BYTES = 256_000;

  private final Path workspaceSkills;
  private final Path managedSkills;
  private final FrontMatterParser frontMatter;
  private final BinaryLookup lookup;
  private final Map<String, String> env;
  private final Set<String> reserved;

  /**
   * @param workspace the workspace root (its {@code skills/} folder is searched)
   * @param managedDir the managed skills folder, or null for none
   * @param frontMatter reads the YAML front matter of SKILL.md
   * @param lookup finds programs for {@code requires.bins}
   * @param env the environment for {@code requires.env}
   * @param reservedCommands command names a skill may not take (the built-in slash commands)
   */
  public SkillLoader(
      Path workspace,
      Path managedDir,
      FrontMatterParser frontMatter,
      BinaryLookup lookup,
      Map<String, String> env,
      Set<String> reservedCommands) {
    this.workspaceSkills =
        Objects.requireNonNull(workspace, "'workspace' must not be null").resolve("skills");
    this.managedSkills = managedDir;
    this.frontMatter = Objects.requireNonNull(frontMatter, "'frontMatter' must not be null");
    this.lookup = Objects.requireNonNull(lookup, "'lookup' must not be null");
    this.env = Map.copyOf(env);
    this.reserved = Set.copyOf(reservedCommands);
  }

  /** Skills of the workspace only, checked against the real PATH and environment. */
  public static SkillLoader forWorkspace(Path workspace, FrontMatterParser frontMatter) {
    return new SkillLoader(
        workspace,
        null,
        frontMatter,
        BinaryLookup.fromEnvironment(System.getenv()),
        System.getenv(),
        Set.of());
  }

  /** A loader whose skills avoid these command names. */
  public SkillLoader reserving(Set<String> commands) {
    return new SkillLoader(
        workspaceSkills.getParent(), managedSkills, frontMatter, lookup, env, commands);
  }

  /** Scans the folders now. */
  public SkillSet load() {
    Map<String, Skill> byName = new LinkedHashMap<>();
    scan(workspaceSkills, Skill.Source.WORKSPACE).forEach(s -> byName.putIfAbsent(s.name(), s));
    if (managedSkills != null) {
      scan(managedSkills, Skill.Source.MANAGED).forEach(s -> byName.putIfAbsent(s.name(), s));
    }
    List<Skill> sorted =
        byName.values().stream().sorted(Comparator.comparing(Skill::name)).toList();
    Set<String> taken = new HashSet<>(reserved);
    List<Skill> out = new ArrayList<>();
    for (Skill skill : sorted) {
      String command = skill.command();
      for (int n = 2; taken.contains(command); n++) {
        command = skill.command() + "-" + n;
      }
      taken.add(command);
      out.add(SkillEligibility.check(skill.withCommand(command), lookup, env));
    }
    return new SkillSet(out);
  }

  private List<Skill> scan(Path root, Skill.Source source) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    Path realRoot;
    List<Path> dirs;
    try (Stream<Path> children = Files.list(root)) {
      realRoot = root.toRealPath();
      dirs = children.filter(Files::isDirectory).sorted().limit(MAX_CANDIDATES_PER_ROOT).toList();
    } catch (IOException e) {
      return List.of();
    }
    List<Skill> skills = new ArrayList<>();
    for (Path dir : dirs) {
      Path file = dir.resolve("SKILL.md");
      if (Files.isRegularFile(file)) {
        skills.add(read(dir.getFileName().toString(), file, realRoot, source));
      }
    }
    return skills;
  }

  private Skill read(String dirName, Path file, Path realRoot, Skill.Source source) {
    Path location = file.toAbsolutePath().normalize();
    try {
      if (!file.toRealPath().startsWith(realRoot)) {
        return SkillParser.invalid(
            dirName, location, source, "SKILL.md leads outside " + realRoot + " (symlink)");
      }
      long size = Files.size(file);
      if (size > MAX_SKILL_FILE_BYTES) {
        return SkillParser.invalid(
            dirName,
            location,
            source,
            "SKILL.md is " + size + " bytes, the limit is " + MAX_SKILL_FILE_BYTES);
      }
      return SkillParser.parse(
          frontMatter, dirName, location, source, Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException | java.io.UncheckedIOException e) {
      return SkillParser.invalid(
          dirName, location, source, "cannot read SKILL.md: " + e.getMessage());
    }
  }
}
