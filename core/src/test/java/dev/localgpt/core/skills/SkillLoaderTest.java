package dev.localgpt.core.skills;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.agent.prompt.SkillEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkillLoaderTest {
  @TempDir Path workspace;
  @TempDir Path managed;

  private final Set<String> installed = Set.of("git", "rg");
  private final BinaryLookup lookup = installed::contains;

  private static Path write(Path root, String dir, String content) throws IOException {
    Path file = root.resolve(dir).resolve("SKILL.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  private SkillSet load(Map<String, String> env) {
    return new SkillLoader(workspace, managed, lookup, env, Set.of("help", "new")).load();
  }

  private static Skill named(SkillSet set, String name) {
    return set.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void defaultsNameToTheDirectoryAndDescriptionToTheFirstTextLine() throws IOException {
    write(workspace.resolve("skills"), "Weather Report", "# Weather\n\nFetch the forecast for a city.\nMore text.\n");

    Skill skill = load(Map.of()).all().getFirst();

    assertThat(skill.name()).isEqualTo("Weather Report");
    assertThat(skill.description()).isEqualTo("Fetch the forecast for a city.");
    assertThat(skill.command()).isEqualTo("weather-report");
    assertThat(skill.userInvocable()).isTrue();
    assertThat(skill.modelInvocable()).isTrue();
    assertThat(skill.ready()).isTrue();
    assertThat(skill.source()).isEqualTo(Skill.Source.WORKSPACE);
  }

  @Test
  void defaultDescriptionIsCutToAHundredCharacters() throws IOException {
    write(workspace.resolve("skills"), "long", "---\nname: long\n---\n" + "x".repeat(300) + "\n");

    assertThat(load(Map.of()).all().getFirst().description()).hasSize(100).endsWith("…");
  }

  @Test
  void readsFrontMatterWithQuotesFlagsUnknownKeysAndOneLineJsonMetadata() throws IOException {
    write(workspace.resolve("skills"), "gh", """
        ---
        name: "GitHub Helper"
        description: 'Work with issues, PRs and CI'
        homepage: https://example.org/gh   # unknown key, ignored
        user-invocable: false
        disable-model-invocation: true
        metadata: {"openclaw": {"emoji": "🐙", "requires": {"bins": ["git"], "env": ["GH_TOKEN"]}}}
        ---
        Body.
        """);

    Skill skill = load(Map.of("GH_TOKEN", "t")).all().getFirst();

    assertThat(skill.name()).isEqualTo("GitHub Helper");
    assertThat(skill.description()).isEqualTo("Work with issues, PRs and CI");
    assertThat(skill.userInvocable()).isFalse();
    assertThat(skill.modelInvocable()).isFalse();
    assertThat(skill.emoji()).isEqualTo("🐙");
    assertThat(skill.requires().bins()).containsExactly("git");
    assertThat(skill.requires().env()).containsExactly("GH_TOKEN");
    assertThat(skill.ready()).isTrue();
  }

  @Test
  void acceptsMultiLineJson5AndIndentedYamlMetadata() throws IOException {
    write(workspace.resolve("skills"), "json5", """
        ---
        name: json5
        description: d
        metadata:
          {
            openclaw: {
              emoji: '📝',
              requires: { anyBins: ['rg', 'ag',], },  // trailing commas
            },
          }
        ---
        """);
    write(workspace.resolve("skills"), "yaml", """
        ---
        name: yaml
        description: d
        metadata:
          openclaw:
            emoji: "🔧"
            always: true
            requires:
              bins:
                - docker
              env: [API_KEY]
        ---
        """);

    SkillSet set = load(Map.of());

    Skill json5 = named(set, "json5");
    assertThat(json5.emoji()).isEqualTo("📝");
    assertThat(json5.requires().anyBins()).containsExactly("rg", "ag");
    assertThat(json5.ready()).isTrue();
    Skill yaml = named(set, "yaml");
    assertThat(yaml.emoji()).isEqualTo("🔧");
    assertThat(yaml.requires().bins()).containsExactly("docker");
    assertThat(yaml.requires().env()).containsExactly("API_KEY");
    assertThat(yaml.requires().always()).isTrue();
    assertThat(yaml.ready()).as("always skips the checks").isTrue();
  }

  @Test
  void blocksSkillsWithMissingBinsAnyBinsOrEnv() throws IOException {
    write(workspace.resolve("skills"), "a", """
        ---
        name: a
        metadata: {"openclaw": {"requires": {"bins": ["git", "docker"], "anyBins": ["ag", "ack"], "env": ["X"]}}}
        ---
        """);

    Skill skill = load(Map.of("X", " ")).all().getFirst();

    assertThat(skill.state()).isEqualTo(Skill.State.BLOCKED);
    assertThat(skill.reason()).isEqualTo("Blocked: missing bins: docker; needs one of: ag, ack; missing env: X");
    assertThat(load(Map.of()).promptEntries()).isEmpty();
  }

  @Test
  void malformedFrontMatterListsTheSkillAsInvalidWithAReason() throws IOException {
    write(workspace.resolve("skills"), "unclosed", "---\nname: x\nno end\n");
    write(workspace.resolve("skills"), "nokey", "---\nname: y\njust words\n---\n");
    write(workspace.resolve("skills"), "badflag", "---\nname: z\nuser-invocable: maybe\n---\n");
    write(workspace.resolve("skills"), "badmeta", "---\nname: w\nmetadata: {\"openclaw\": [1,\n---\n");
    write(workspace.resolve("skills"), "good", "---\nname: good\ndescription: fine\n---\n");

    SkillSet set = load(Map.of());

    assertThat(named(set, "unclosed").reason()).contains("never closed");
    assertThat(named(set, "nokey").reason()).contains("line 3").contains("expected 'key: value'");
    assertThat(named(set, "z").reason()).contains("'user-invocable' must be true or false");
    assertThat(named(set, "badmeta").reason()).contains("'metadata' is malformed");
    assertThat(set.all()).filteredOn(s -> s.state() == Skill.State.INVALID).hasSize(4);
    assertThat(set.ready()).extracting(Skill::name).containsExactly("good");
  }

  @Test
  void workspaceSkillsOverrideManagedOnesByNameAndAllAreSorted() throws IOException {
    write(workspace.resolve("skills"), "notes", "---\nname: notes\ndescription: from workspace\n---\n");
    write(managed, "notes", "---\nname: notes\ndescription: from managed\n---\n");
    write(managed, "alpha", "---\nname: alpha\ndescription: managed only\n---\n");

    SkillSet set = load(Map.of());

    assertThat(set.all()).extracting(Skill::name).containsExactly("alpha", "notes");
    assertThat(named(set, "notes").description()).isEqualTo("from workspace");
    assertThat(named(set, "alpha").source()).isEqualTo(Skill.Source.MANAGED);
  }

  @Test
  void commandNamesAvoidBuiltinsAndEachOther() throws IOException {
    write(workspace.resolve("skills"), "h1", "---\nname: Help\n---\nx\n");
    write(workspace.resolve("skills"), "n1", "---\nname: note taker\n---\nx\n");
    write(workspace.resolve("skills"), "n2", "---\nname: Note_Taker\n---\nx\n");

    SkillSet set = load(Map.of());

    assertThat(named(set, "Help").command()).isEqualTo("help-2");
    assertThat(set.commands()).containsExactlyInAnyOrder("help-2", "note-taker", "note-taker-2");
  }

  @Test
  void commandNameRules() {
    assertThat(SkillCommands.commandName("  My Cool_Skill! ")).isEqualTo("my-cool-skill");
    assertThat(SkillCommands.commandName("a".repeat(31) + "--b")).isEqualTo("a".repeat(31));
    assertThat(SkillCommands.commandName("x".repeat(40))).hasSize(32);
    assertThat(SkillCommands.commandName("???")).isEqualTo("skill");
  }

  @Test
  void invocationTextMatchesLocalGpt() throws IOException {
    write(workspace.resolve("skills"), "w", "---\nname: w\n---\nx\n");
    Skill skill = load(Map.of()).byCommand("w").orElseThrow();
    String path = skill.location().toString();

    assertThat(SkillCommands.invocation(skill, "  "))
        .isEqualTo("Use the skill at " + path + ". Read it first, then follow its instructions.");
    assertThat(SkillCommands.invocation(skill, "Paris tomorrow"))
        .isEqualTo("Use the skill at " + path + " with this request: Paris tomorrow\n\n"
            + "Read the skill file first, then follow its instructions.");
  }

  @Test
  void promptEntriesCarryEmojiCommandAndLocationOfModelVisibleSkills() throws IOException {
    Path file = write(workspace.resolve("skills"), "w", """
        ---
        name: weather
        description: Forecasts
        metadata: {"openclaw": {"emoji": "☀"}}
        ---
        """);
    write(workspace.resolve("skills"), "hidden", "---\nname: hidden\ndisable-model-invocation: true\n---\nx\n");
    write(workspace.resolve("skills"), "quiet", "---\nname: quiet\ndescription: q\nuser-invocable: no\n---\n");

    assertThat(load(Map.of()).promptEntries()).containsExactly(
        new SkillEntry("quiet", "q", workspace.resolve("skills/quiet/SKILL.md").toAbsolutePath().toString()),
        new SkillEntry("☀ weather", "Forecasts (or use /weather command)", file.toAbsolutePath().toString()));
  }

  @Test
  void refusesSymlinksLeadingOutsideTheRootAndOversizedFiles() throws IOException {
    Path outside = write(managed, "secret", "---\nname: secret\n---\nx\n");
    Files.createDirectories(workspace.resolve("skills/link"));
    Files.createSymbolicLink(workspace.resolve("skills/link/SKILL.md"), outside);
    write(workspace.resolve("skills"), "big", "---\nname: big\n---\n" + "y".repeat(SkillLoader.MAX_SKILL_FILE_BYTES));

    SkillSet set = new SkillLoader(workspace, null, lookup, Map.of(), Set.of()).load();

    assertThat(named(set, "link").reason()).contains("leads outside");
    assertThat(named(set, "big").reason()).contains("limit is " + SkillLoader.MAX_SKILL_FILE_BYTES);
    assertThat(set.ready()).isEmpty();
  }

  @Test
  void noSkillsFolderMeansNoSkills() {
    assertThat(new SkillLoader(workspace, workspace.resolve("missing"), lookup, Map.of(), Set.of()).load().all())
        .isEmpty();
  }

  @Test
  void pathLookupFindsExecutablesOnly(@TempDir Path bin) throws IOException {
    Path tool = Files.writeString(bin.resolve("tool"), "#!/bin/sh\n");
    tool.toFile().setExecutable(true);
    Files.writeString(bin.resolve("plain"), "text");

    BinaryLookup path = BinaryLookup.onPath(bin.toString());

    assertThat(path.exists("tool")).isTrue();
    assertThat(path.exists("plain")).isFalse();
    assertThat(path.exists("missing")).isFalse();
    assertThat(path.exists("../tool")).isFalse();
  }
}
