package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HelpOnEveryCommandTest {
  @TempDir Path home;

  /** Every command of the tree, as the words that name it after {@code localgpt}. */
  static List<List<String>> everyCommand(CommandLine root) {
    List<List<String>> all = new ArrayList<>();
    walk(root, List.of(), all);
    return all;
  }

  private static void walk(CommandLine command, List<String> path, List<List<String>> all) {
    all.add(path);
    for (var entry : command.getSubcommands().entrySet()) {
      if (entry.getValue().getCommandName().equals(entry.getKey())) { // skip aliases
        List<String> child = new ArrayList<>(path);
        child.add(entry.getKey());
        walk(entry.getValue(), child, all);
      }
    }
  }

  @Test
  void helpAndHWorkOnEveryCommandWithoutLoadingTheConfig() throws Exception {
    Files.writeString(home.resolve("config.toml"), "this is [not toml\n"); // loading it would fail
    Map<String, String> env = Map.of("LOCALGPT_HOME", home.toString());
    List<List<String>> commands =
        everyCommand(
            Main.commandLine(
                new CliContext(
                    env,
                    new PrintWriter(java.io.Writer.nullWriter()),
                    new PrintWriter(java.io.Writer.nullWriter()))));
    assertThat(commands)
        .hasSizeGreaterThan(20)
        .contains(List.of("config", "show"), List.of("memory", "search"));
    for (List<String> command : commands) {
      for (String flag : List.of("--help", "-h")) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl =
            Main.commandLine(
                new CliContext(env, new PrintWriter(out, true), new PrintWriter(err, true)));
        List<String> args = new ArrayList<>(command);
        args.add(flag);
        int code = Main.execute(cl, args.toArray(String[]::new));
        String name = String.join(" ", command);
        assertThat(code).as(name + " " + flag + ": " + err).isZero();
        assertThat(out.toString())
            .as(name)
            .startsWith("Usage: localgpt" + (name.isEmpty() ? "" : " " + name))
            .contains("-h, --help");
        assertThat(((CliFactory) cl.getFactory()).injectorBuilt()).as(name).isFalse();
      }
    }
    assertThat(home.resolve("workspace")).doesNotExist();
  }

  @Test
  void anUnknownCommandSuggestsTheNearestOne() {
    CliRun top = CliRun.run(home, "memroy", "search", "x");
    assertThat(top.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(top.err()).contains("'memroy'").contains("did you mean 'memory'?");
    CliRun leaf = CliRun.run(home, "config", "shwo");
    assertThat(leaf.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(leaf.err()).contains("did you mean 'config show'?");
  }
}
