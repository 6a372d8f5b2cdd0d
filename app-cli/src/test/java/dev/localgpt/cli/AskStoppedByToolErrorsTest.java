package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.embedding.HashingEmbedder;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.json.JsonString;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AskStoppedByToolErrorsTest {
  @TempDir Path home;

  @Test
  void askStoppedByTheToolErrorGuardSaysWhyExitsOneAndRecordsTheErrors() throws Exception {
    ChatCli cli = new ChatCli(home, "");
    ScriptedChatModel model =
        ScriptedChatModel.replying(
            Reply.tool("read_file", JsonObject.of("path", "missing-1.md")),
            Reply.tool("read_file", JsonObject.of("path", "missing-2.md")),
            Reply.tool("read_file", JsonObject.of("path", "missing-3.md")),
            Reply.text("never reached"));
    CliRun run =
        CliFakes.run(
            cli.env(), CliFakes.ports(model, new HashingEmbedder()), "ask", "read my notes");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.GENERAL);
    assertThat(run.err())
        .contains("error: the agent stopped before answering: 3 tool calls failed in a row")
        .contains("hint: see the failed tool calls with 'localgpt sessions show ");
    String session;
    try (Stream<Path> files = Files.list(home.resolve("sessions"))) {
      session =
          Files.readString(
              files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow());
    }
    assertThat(session.lines().filter(l -> l.contains("\"toolResult\"")))
        .hasSize(3)
        .allMatch(l -> l.contains("\"isError\":true"));
  }

  @Test
  void aSuccessfulToolResultIsNotAnError() throws Exception {
    ChatCli cli = new ChatCli(home, "");
    ScriptedChatModel model =
        ScriptedChatModel.replying(
            Reply.tool(
                "write_file", JsonObject.of("path", "a.md").with("content", new JsonString("hi"))),
            Reply.text("Saved."));
    CliRun run =
        CliFakes.run(cli.env(), CliFakes.ports(model, new HashingEmbedder()), "ask", "save");
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (Stream<Path> files = Files.list(home.resolve("sessions"))) {
      String session =
          Files.readString(
              files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow());
      assertThat(session).contains("\"isError\":false").doesNotContain("\"isError\":true");
    }
  }
}
