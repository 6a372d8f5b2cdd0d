package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsCommandTest {
  @TempDir Path home;

  @Test
  void listsAndShowsTheSessionOfAnAsk() throws Exception {
    ChatCli cli = new ChatCli(home, "");
    assertThat(cli.ask("", "where are my keys?").exitCode()).isZero();
    JsonNode list = new ObjectMapper().readTree(cli.run("sessions", "list", "--json").out());
    assertThat(list).hasSize(1);
    assertThat(list.get(0).path("title").asText()).isEqualTo("where are my keys?");
    String id = list.get(0).path("id").asText();

    CliRun show = cli.run("sessions", "show", id.substring(0, 8));
    assertThat(show.exitCode()).isZero();
    assertThat(show.out()).startsWith("# Session " + id).contains("where are my keys?");
    JsonNode json = new ObjectMapper().readTree(cli.run("sessions", "show", id, "--json").out());
    assertThat(json.path("messages").get(0).path("role").asText()).isEqualTo("user");
    assertThat(cli.run("sessions", "list").out()).contains(id).contains("where are my keys?");
  }

  @Test
  void aSessionWithAGarbageLineAndADamagedHeaderStillListsAndShowsWithOneWarning()
      throws Exception {
    ChatCli cli = new ChatCli(home, "");
    assertThat(cli.ask("", "where are my keys?").exitCode()).isZero();
    String id =
        new ObjectMapper()
            .readTree(cli.run("sessions", "list", "--json").out())
            .get(0)
            .path("id")
            .asText();
    Path file = home.resolve("sessions").resolve(id + ".jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(0, "{\"type\":\"sess");
    lines.add(2, "garbage");
    Files.write(file, lines);

    assertThat(cli.run("sessions", "list").out()).contains(id).contains("where are my keys?");
    CliRun show = cli.run("sessions", "show", id);
    assertThat(show.exitCode()).isZero();
    assertThat(show.out()).contains("where are my keys?");
    assertThat(show.err().lines().filter(l -> l.contains("skipped")).toList())
        .singleElement()
        .asString()
        .contains("2 unreadable lines", "lines 1, 3");
  }

  @Test
  void anUnknownSessionIsAClearError() {
    CliRun run = new ChatCli(home, "").run("sessions", "show", "nope");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.GENERAL);
    assertThat(run.err()).contains("no session 'nope'").contains("sessions list");
  }
}
