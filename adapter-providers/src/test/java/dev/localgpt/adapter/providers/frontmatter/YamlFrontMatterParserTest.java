package dev.localgpt.adapter.providers.frontmatter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.core.skills.BinaryLookup;
import dev.localgpt.core.skills.Skill;
import dev.localgpt.core.skills.SkillLoader;
import dev.localgpt.core.skills.SkillSet;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.json.JsonValue;
import dev.localgpt.ports.text.FrontMatter;
import dev.localgpt.ports.text.FrontMatterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SKILL.md front matter as OpenClaw writes it, read by the YAML parser, and through core's skill
 * loader.
 */
class YamlFrontMatterParserTest {
  @TempDir Path workspace;

  private final YamlFrontMatterParser parser = new YamlFrontMatterParser();
  private final BinaryLookup lookup = Set.of("git", "rg")::contains;

  private static void write(Path root, String dir, String content) throws IOException {
    Path file = root.resolve(dir).resolve("SKILL.md");
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private SkillSet load(Map<String, String> env) {
    return new SkillLoader(workspace, null, parser, lookup, env, Set.of()).load();
  }

  private static Skill named(SkillSet set, String name) {
    return set.all().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void keepsEveryFieldWithNestedMetadataAndTheBody() {
    FrontMatter parsed =
        parser.parse(
            """
        \uFEFF---\r
        name: gh\r
        homepage: https://example.org/gh   # a comment\r
        command-dispatch: tool\r
        metadata:\r
          openclaw:\r
            requires: {bins: [git], config: [browser.enabled]}\r
            os: [linux, darwin]\r
            install: [{id: brew, kind: brew, formula: gh}]\r
        ---\r
        # Body\r
        text""");

    assertThat(parsed.body()).isEqualTo("# Body\ntext");
    assertThat(parsed.fields().string("homepage")).contains("https://example.org/gh");
    assertThat(parsed.fields().string("command-dispatch")).contains("tool");
    JsonObject openclaw =
        parsed.fields().object("metadata").orElseThrow().object("openclaw").orElseThrow();
    assertThat(openclaw.object("requires").orElseThrow())
        .isEqualTo(
            JsonObject.builder()
                .put("bins", JsonValue.ofStrings(List.of("git")))
                .put("config", JsonValue.ofStrings(List.of("browser.enabled")))
                .build());
    assertThat(openclaw.array("os").orElseThrow().strings("os")).containsExactly("linux", "darwin");
    assertThat(openclaw.array("install").orElseThrow().get(0))
        .isEqualTo(
            JsonObject.builder()
                .put("id", "brew")
                .put("kind", "brew")
                .put("formula", "gh")
                .build());
  }

  @Test
  void textWithoutFrontMatterIsAllBodyAndErrorsNameTheLine() {
    assertThat(parser.parse("# Title\n---\nx")).isEqualTo(FrontMatter.none("# Title\n---\nx"));
    assertThat(parser.parse("---\n---\nbody")).isEqualTo(FrontMatter.none("body"));
    assertThatThrownBy(() -> parser.parse("---\nname: x\n"))
        .isInstanceOf(FrontMatterException.class)
        .hasMessageContaining("never closed");
    assertThatThrownBy(() -> parser.parse("---\nname: x\ndescription: [unclosed\n---\n"))
        .isInstanceOf(FrontMatterException.class)
        .hasMessageStartingWith("line ");
    assertThatThrownBy(() -> parser.parse("---\n- a list\n---\n"))
        .hasMessageContaining("expected 'key: value'");
  }

  @Test
  void readsFrontMatterWithQuotesFlagsUnknownKeysAndOneLineJsonMetadata() throws IOException {
    write(
        workspace.resolve("skills"),
        "gh",
        """
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
    write(
        workspace.resolve("skills"),
        "json5",
        """
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
    write(
        workspace.resolve("skills"),
        "yaml",
        """
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
  void malformedFrontMatterListsTheSkillAsInvalidWithAReason() throws IOException {
    write(workspace.resolve("skills"), "unclosed", "---\nname: x\nno end\n");
    write(workspace.resolve("skills"), "nokey", "---\nname: y\njust words\n---\n");
    write(workspace.resolve("skills"), "badflag", "---\nname: z\nuser-invocable: maybe\n---\n");
    write(
        workspace.resolve("skills"),
        "badmeta",
        "---\nname: w\nmetadata: {\"openclaw\": [1,\n---\n");
    write(workspace.resolve("skills"), "good", "---\nname: good\ndescription: fine\n---\n");

    SkillSet set = load(Map.of());

    assertThat(named(set, "unclosed").reason()).contains("never closed");
    assertThat(named(set, "nokey").reason()).contains("line 3").contains("expected 'key: value'");
    assertThat(named(set, "z").reason()).contains("'user-invocable' must be true or false");
    assertThat(named(set, "badmeta").reason()).contains("'metadata' is malformed");
    assertThat(set.all()).filteredOn(s -> s.state() == Skill.State.INVALID).hasSize(4);
    assertThat(set.ready()).extracting(Skill::name).containsExactly("good");
  }
}
