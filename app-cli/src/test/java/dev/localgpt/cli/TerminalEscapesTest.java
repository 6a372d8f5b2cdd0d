package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalEscapesTest {
  static final String OSC52 = "\u001b]52;c;ZWNobyBwd25lZA==\u0007";
  static final String RED = "\u001b[31m";

  @TempDir Path home;

  @Test
  void controlSequencesAreDroppedButTextNewlinesTabsAndEraseLineStay() {
    assertThat(
            TerminalSafeWriter.clean(
                "a" + OSC52 + "b" + RED + "c\u001b[0md\t\ne\u0007f\u009b2Jg\u001b[K"))
        .isEqualTo("abcd\t\nefg\u001b[K");
    assertThat(TerminalSafeWriter.clean("title\u001b]0;pwned\u001b\\ end")).isEqualTo("title end");
    assertThat(TerminalSafeWriter.clean("Grüße, 日本, emoji 🙂")).isEqualTo("Grüße, 日本, emoji 🙂");
  }

  @Test
  void aSequenceSplitOverTwoWritesIsStillDropped() {
    StringWriter target = new StringWriter();
    PrintWriter out = TerminalSafeWriter.wrap(new PrintWriter(target));
    out.print("x\u001b]52;c;");
    out.print("AAAA\u0007y");
    out.flush();
    assertThat(target).hasToString("xy");
  }

  @Test
  void noteTextAndFileNamesWithEscapesReachTheTerminalCleanAndJsonEscaped() throws Exception {
    Files.writeString(home.resolve("config.toml"), "[memory]\nembedding_provider = \"none\"\n");
    assertThat(CliRun.run(home, "workspace", "init").exitCode()).isZero();
    Path note = home.resolve("workspace/memory/evil" + RED + "name.md");
    Files.writeString(note, "# Note\n\nThe zanzibarite secret " + OSC52 + " is here.\n");
    CliRun text = CliRun.run(home, "memory", "search", "zanzibarite");
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("zanzibarite")
        .contains("evilname.md")
        .doesNotContain("\u001b", "\u0007");
    CliRun json = CliRun.run(home, "memory", "search", "zanzibarite", "--json");
    assertThat(json.out()).doesNotContain("\u001b").contains("\\u001B");
    assertThat(new ObjectMapper().readTree(json.out()).get("hits").get(0).get("path").asText())
        .contains(RED);
  }
}
