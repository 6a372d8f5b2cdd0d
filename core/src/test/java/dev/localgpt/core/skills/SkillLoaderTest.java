package dev.localgpt.core.skills;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.agent.prompt.SkillEntry;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.json.JsonValue;
import dev.localgpt.ports.text.ScriptedFrontMatterParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkillLoaderTest {
  @TempDir Path workspace;
  @TempDir Path managed;

  private final Set<String> installed = Set.of("git", "rg");
  private final BinaryLookup lookup = installed::contains;

  private final ScriptedFrontMatterParser frontMatter = new ScriptedFrontMatterParser();

  /** Writes a SKILL.md whose front matter the fake parser reads as {@code fields}. */
  private Path skill(Path root, String dir, JsonObject fields, String body) throws IOException {
    return write(root, dir, frontMatter.given("---\n" + fields + "\n---\n" + body, fields, body));
  }

  private static JsonObject nameOnly(String name) {
    return JsonObject.of("name", name);
  }

  private static JsonObject requires(JsonObject requires) {
    return JsonObject.builder()
        .put("name", "a")
        .put(
            "metadata",
            JsonObject.builder()
                .put("openclaw", JsonObject.builder().put("requires", requires).build())
                .build())
        .build();
  }

  private static Path write(Path root, String dir, String content) throws IOException {
    Path file = root.resolve(dir).resolve("SKILL.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  private SkillSet load(Map<String, String> env) {
    return new SkillLoader(workspace, managed, frontMatter, lookup, env, Set.of("help", "new"))
        .load();
  }

  private static Skill named(SkillSet set, String name) {
    return set.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void defaultsNameToTheDirectoryAndDescriptionToTheFirstTextLine() throws IOException {
    write(
        workspace.resolve("skills"),
        "Weather Report",
        "# Weather\n\nFetch the forecast for a city.\nMore text.\n");

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
    skill(workspace.resolve("skills"), "long", nameOnly("long"), "x".repeat(300) + "\n");

    assertThat(load(Map.of()).all().getFirst().description()).hasSize(100).endsWith("…");
  }

  @Test
  void blocksSkillsWithMissingBinsAnyBinsOrEnv() throws IOException {
    skill(
        workspace.resolve("skills"),
        "a",
        requires(
            JsonObject.builder()
                .put("bins", JsonValue.ofStrings(List.of("git", "docker")))
                .put("anyBins", JsonValue.ofStrings(List.of("ag", "ack")))
                .put("env", JsonValue.of("X"))
                .build()),
        "");

    Skill skill = load(Map.of("X", " ")).all().getFirst();

    assertThat(skill.state()).isEqualTo(Skill.State.BLOCKED);
    assertThat(skill.reason())
        .isEqualTo("Blocked: missing bins: docker; needs one of: ag, ack; missing env: X");
    assertThat(load(Map.of()).promptEntries()).isEmpty();
  }

  @Test
  void osListsBlockOtherPlatformsAndBadFieldsOrUnreadableFrontMatterMakeTheSkillInvalid()
      throws IOException {
    JsonObject elsewhere =
        JsonObject.builder()
            .put("name", "elsewhere")
            .put(
                "metadata",
                JsonObject.builder()
                    .put(
                        "openclaw",
                        JsonObject.builder()
                            .put("os", JsonValue.ofStrings(List.of("plan9")))
                            .build())
                    .build())
            .build();
    skill(workspace.resolve("skills"), "elsewhere", elsewhere, "");
    skill(
        workspace.resolve("skills"),
        "flag",
        nameOnly("flag").with("user-invocable", JsonValue.of("maybe")),
        "");
    skill(
        workspace.resolve("skills"),
        "meta",
        nameOnly("meta").with("metadata", JsonValue.of("text")),
        "");
    write(
        workspace.resolve("skills"),
        "broken",
        frontMatter.failing("---\nbroken", "line 2: not YAML"));

    SkillSet set = load(Map.of());

    assertThat(named(set, "elsewhere").reason())
        .isEqualTo("Blocked: runs on plan9, not " + SkillEligibility.PLATFORM);
    assertThat(named(set, "flag").reason())
        .isEqualTo("Invalid: 'user-invocable' must be true or false, was 'maybe'");
    assertThat(named(set, "meta").reason()).contains("'metadata' must be a mapping");
    assertThat(named(set, "broken").reason()).isEqualTo("Invalid: line 2: not YAML");
    assertThat(SkillEligibility.platform("Mac OS X")).isEqualTo("darwin");
    assertThat(SkillEligibility.platform("Windows 11")).isEqualTo("win32");
  }

  @Test
  void workspaceSkillsOverrideManagedOnesByNameAndAllAreSorted() throws IOException {
    skill(
        workspace.resolve("skills"),
        "notes",
        nameOnly("notes").with("description", JsonValue.of("from workspace")),
        "");
    skill(
        managed, "notes", nameOnly("notes").with("description", JsonValue.of("from managed")), "");
    skill(
        managed, "alpha", nameOnly("alpha").with("description", JsonValue.of("managed only")), "");

    SkillSet set = load(Map.of());

    assertThat(set.all()).extracting(Skill::name).containsExactly("alpha", "notes");
    assertThat(named(set, "notes").description()).isEqualTo("from workspace");
    assertThat(named(set, "alpha").source()).isEqualTo(Skill.Source.MANAGED);
  }

  @Test
  void commandNamesAvoidBuiltinsAndEachOther() throws IOException {
    skill(workspace.resolve("skills"), "h1", nameOnly("Help"), "x\n");
    skill(workspace.resolve("skills"), "n1", nameOnly("note taker"), "x\n");
    skill(workspace.resolve("skills"), "n2", nameOnly("Note_Taker"), "x\n");

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
    skill(workspace.resolve("skills"), "w", nameOnly("w"), "x\n");
    Skill skill = load(Map.of()).byCommand("w").orElseThrow();
    String path = skill.location().toString();

    assertThat(SkillCommands.invocation(skill, "  "))
        .isEqualTo("Use the skill at " + path + ". Read it first, then follow its instructions.");
    assertThat(SkillCommands.invocation(skill, "Paris tomorrow"))
        .isEqualTo(
            "Use the skill at "
                + path
                + " with this request: Paris tomorrow\n\n"
                + "Read the skill file first, then follow its instructions.");
  }

  @Test
  void promptEntriesCarryEmojiCommandAndLocationOfModelVisibleSkills() throws IOException {
    Path file =
        skill(
            workspace.resolve("skills"),
            "w",
            JsonObject.builder()
                .put("name", "weather")
                .put("description", "Forecasts")
                .put(
                    "metadata",
                    JsonObject.builder().put("openclaw", JsonObject.of("emoji", "☀")).build())
                .build(),
            "");
    skill(
        workspace.resolve("skills"),
        "hidden",
        nameOnly("hidden").with("disable-model-invocation", JsonValue.of(true)),
        "x\n");
    skill(
        workspace.resolve("skills"),
        "quiet",
        JsonObject.builder()
            .put("name", "quiet")
            .put("description", "q")
            .put("user-invocable", "no")
            .build(),
        "");

    assertThat(load(Map.of()).promptEntries())
        .containsExactly(
            new SkillEntry(
                "quiet",
                "q",
                workspace.resolve("skills/quiet/SKILL.md").toAbsolutePath().toString()),
            new SkillEntry(
                "☀ weather",
                "Forecasts (or use /weather command)",
                file.toAbsolutePath().toString()));
  }

  @Test
  void refusesSymlinksLeadingOutsideTheRootAndOversizedFiles() throws IOException {
    Path outside = skill(managed, "secret", nameOnly("secret"), "x\n");
    Files.createDirectories(workspace.resolve("skills/link"));
    Files.createSymbolicLink(workspace.resolve("skills/link/SKILL.md"), outside);
    write(workspace.resolve("skills"), "big", "y".repeat(SkillLoader.MAX_SKILL_FILE_BYTES + 1));

    SkillSet set = new SkillLoader(workspace, null, frontMatter, lookup, Map.of(), Set.of()).load();

    assertThat(named(set, "link").reason()).contains("leads outside");
    assertThat(named(set, "big").reason()).contains("limit is " + SkillLoader.MAX_SKILL_FILE_BYTES);
    assertThat(set.ready()).isEmpty();
  }

  @Test
  void noSkillsFolderMeansNoSkills() {
    assertThat(
            new SkillLoader(
                    workspace,
                    workspace.resolve("missing"),
                    frontMatter,
                    lookup,
                    Map.of(),
                    Set.of())
                .load()
                .all())
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
