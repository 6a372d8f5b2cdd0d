package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code memory search} without a daemon runs without picocli and prints, reports and exits exactly
 * as picocli's path does (keyword-only home, no model).
 */
class LocalSearchShortcutTest {
  @TempDir Path home;

  @BeforeEach
  void workspace() throws Exception {
    Files.writeString(
        home.resolve("config.toml"),
        "[memory]\nembedding_provider = \"none\"\nisolated_silos = [\"secret\"]\n");
    Path ws = home.resolve("workspace");
    Files.createDirectories(ws.resolve("memory"));
    Files.createDirectories(ws.resolve("knowledge/recipes"));
    Files.writeString(
        ws.resolve("memory/2024-01-01.md"), "# Day\n\nBought a kayak.\n\nPaddled on the lake.\n");
    Files.writeString(
        ws.resolve("knowledge/recipes/soup.md"), "# Soup\n\nLentil soup and a kayak picnic.\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kayak",
        "kayak -l 1",
        "kayak --json",
        "kayak --explain -l2",
        "kayak --silo recipes",
        "kayak --silo nosuch",
        "kayak --silo secret",
        "kayak --local --json",
      })
  void printsWhatPicocliPrints(String line) {
    String[] args = ("memory search " + line).split(" ");

    CliRun shortcut = CliRun.run(env(), args);
    CliRun picocli = throughPicocli(args);

    assertThat(shortcut).isEqualTo(picocli);
  }

  @Test
  void aBrokenConfigIsReportedAsPicocliReportsIt() throws Exception {
    Files.writeString(home.resolve("config.toml"), "[memory]\nmax_results = \"many\"\n");
    String[] args = {"memory", "search", "kayak"};

    CliRun shortcut = CliRun.run(env(), args);

    assertThat(shortcut.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(shortcut.err()).contains("memory.max_results").doesNotContain("\tat ");
    assertThat(shortcut).isEqualTo(throughPicocli(args));
  }

  private Map<String, String> env() {
    return Map.of("LOCALGPT_HOME", home.toString(), "HOME", home.resolve("user").toString());
  }

  private CliRun throughPicocli(String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context =
        new CliContext(
            new HashMap<>(env()), new PrintWriter(out, true), new PrintWriter(err, true));
    int code = Main.execute(Main.commandLine(context), args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
