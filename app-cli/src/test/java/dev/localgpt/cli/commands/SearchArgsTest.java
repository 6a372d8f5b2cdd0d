package dev.localgpt.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** The shortcut reads every form it takes exactly as picocli reads it, and leaves the rest. */
class SearchArgsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "kayak",
        "kayak -l 3",
        "-l 3 kayak",
        "kayak -l3",
        "kayak -l=3",
        "kayak --limit 3",
        "kayak --limit=3",
        "kayak --limit=+7",
        "kayak --json",
        "--json kayak -l 3",
        "kayak --explain --json",
        "kayak --silo recipes",
        "kayak --silo=recipes -l 2 --explain",
        "kayak --local",
        "kayak --local --json -l 12",
      })
  void readsTheFormsItTakesAsPicocliDoes(String line) {
    String[] args = args(line);

    SearchArgs shortcut = SearchArgs.parse(args).orElseThrow();

    assertThat(shortcut).isEqualTo(picocli(args));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "kayak --help",
        "-h",
        "kayak -l 0",
        "kayak -l -2",
        "kayak -l many",
        "kayak -l 3 -l 4",
        "kayak --json --json",
        "kayak lake",
        "kayak --silo",
        "kayak --silo -l",
        "kayak --unknown",
        "kayak -l",
        "-- kayak",
      })
  void leavesEverythingElseToPicocli(String line) {
    assertThat(SearchArgs.parse(args(line))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"memory stats", "ask kayak", "-c f.toml memory search kayak"})
  void takesNoOtherCommand(String line) {
    assertThat(SearchArgs.parse(line.split(" "))).isEmpty();
  }

  private static String[] args(String line) {
    String[] words = line.isEmpty() ? new String[0] : line.split(" ");
    String[] args = new String[words.length + 2];
    args[0] = "memory";
    args[1] = "search";
    System.arraycopy(words, 0, args, 2, words.length);
    return args;
  }

  /** picocli's reading of the same arguments, as a SearchArgs. */
  private static SearchArgs picocli(String[] args) {
    CommandLine memory = new CommandLine(new MemoryCommand());
    ParseResult search = memory.parseArgs(Arrays.copyOfRange(args, 1, args.length)).subcommand();
    return new SearchArgs(
        search.matchedPositionalValue(0, null),
        search.matchedOptionValue("--limit", null),
        search.matchedOptionValue("--silo", null),
        Optional.ofNullable(search.<Boolean>matchedOptionValue("--explain", null)).orElse(false),
        Optional.ofNullable(search.<Boolean>matchedOptionValue("--json", null)).orElse(false),
        Optional.ofNullable(search.<Boolean>matchedOptionValue("--local", null)).orElse(false));
  }
}
