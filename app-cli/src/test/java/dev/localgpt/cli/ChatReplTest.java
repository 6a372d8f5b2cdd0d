package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatReplTest {
  @TempDir Path home;
  final FakeProvider server = new FakeProvider();

  @AfterEach
  void stop() {
    server.close();
  }

  ChatCli cli(String extra) {
    return new ChatCli(
        home,
        "[agent]\ndefault_model = \"anthropic/claude-sonnet-4-5\"\n[providers.anthropic]\n"
            + "api_key = \"test-key\"\nbase_url = \""
            + server.url("")
            + "\"\n"
            + extra);
  }

  @Test
  void ctrlCCancelsTheReplyButNotTheProgram() throws Exception {
    server.slowAnthropicStream(200);
    ChatCli.CancelledChat cancelled = cli("").interruptALongReply();

    assertThat(cancelled.run()).isNotNull();
    assertThat(cancelled.run().exitCode()).as(cancelled.run().err()).isZero();
    assertThat(cancelled.screen()).contains("[cancelled]").contains("Session: ");
    assertThat(cancelled.screen().split("tick", -1).length - 1).isBetween(2, 199);
  }

  @Test
  void streamsAReplyAndShowsStatus() {
    server.replay("anthropic/messages-stream-text.sse", 200, FakeProvider.SSE);
    CliRun run = cli("").chat("why is the sky blue?\n/status\n/quit\n");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("LocalGPT v")
        .contains("| Model: anthropic/claude-sonnet-4-5 | Memory: ")
        .contains(" chunks | Skills: ")
        .contains("The sky looks blue because of Rayleigh scattering")
        .contains("Session: ")
        .contains("Messages: 2");
    assertThat(home.resolve("data/chat_history")).content().contains("why is the sky blue?");
  }

  @Test
  void aTrailingBackslashContinuesTheMessage() {
    server.replay("anthropic/messages-stream-text.sse", 200, FakeProvider.SSE);
    cli("").chat("first line\\\nsecond line\n");
    assertThat(server.takeBody()).contains("first line\\nsecond line");
  }

  @Test
  void newSavesTheConversationToADailyMemoryFile() throws Exception {
    server.replay("anthropic/messages-stream-text.sse", 200, FakeProvider.SSE);
    ChatCli cli = cli("");
    CliRun run = cli.chat("why is the sky blue?\n/new\n");
    assertThat(run.out()).contains("Saved the conversation to");
    try (Stream<Path> files = Files.list(cli.workspace().resolve("memory"))) {
      List<Path> saved =
          files.filter(f -> f.getFileName().toString().startsWith(LocalDate.now() + "-")).toList();
      assertThat(saved).hasSize(1);
      assertThat(saved.getFirst()).content().contains("why is the sky blue?").contains("Rayleigh");
    }
  }

  @Test
  void everythingAChatAndItsNewNoteCreateIsOwnerOnlyWhateverTheUmask() throws Exception {
    server.replay("anthropic/messages-stream-text.sse", 200, FakeProvider.SSE);
    ChatCli cli = cli("");
    assertThat(cli.chat("why is the sky blue?\n/new\n").out())
        .contains("Saved the conversation to");

    List<String> open = new java.util.ArrayList<>();
    try (Stream<Path> all = Files.walk(home)) {
      for (Path p :
          all.filter(p -> !p.equals(home) && !p.equals(home.resolve("config.toml"))).toList()) {
        String mode =
            java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        if (!mode.equals(Files.isDirectory(p) ? "rwx------" : "rw-------")) {
          open.add(home.relativize(p) + " " + mode);
        }
      }
    }
    assertThat(open).isEmpty();
  }

  @Test
  void resumeContinuesThePreviousSessionAfterARestart() {
    server
        .replay("anthropic/messages-stream-text.sse", 200, FakeProvider.SSE)
        .replay("anthropic/messages-stream-text.sse", 200, FakeProvider.SSE);
    ChatCli cli = cli("");
    cli.chat("the code word is zanzibar\n");
    server.takeBody();
    CliRun second = cli.chat("what was the code word?\n", "--resume");
    assertThat(second.out()).contains("Resumed session");
    assertThat(server.takeBody())
        .contains("the code word is zanzibar")
        .contains("what was the code word?");
  }

  @Test
  void resumeOfASessionWithAnUnreadableLineWarnsOnceAndKeepsTheRest() throws Exception {
    server
        .replay("anthropic/messages-stream-text.sse", 200, FakeProvider.SSE)
        .replay("anthropic/messages-stream-text.sse", 200, FakeProvider.SSE);
    ChatCli cli = cli("");
    cli.chat("the code word is zanzibar\n");
    server.takeBody();
    try (var files = Files.list(home.resolve("sessions"))) {
      Path file = files.findFirst().orElseThrow();
      Files.writeString(
          file,
          "{\"type\":\"message\",\"id\":\"x1\",\"timestamp\":\"not a time\","
              + "\"message\":{\"role\":\"user\",\"content\":\"hi\"}}\n",
          StandardOpenOption.APPEND);
    }
    CliRun second = cli.chat("what was the code word?\n", "--resume");
    assertThat(second.out()).contains("Resumed session");
    assertThat(second.out().lines().filter(l -> l.contains("skipped 1 unreadable line")).count())
        .isEqualTo(1);
    assertThat(server.takeBody())
        .contains("the code word is zanzibar")
        .contains("what was the code word?");
  }

  @Test
  void answeringNoDeniesAToolThatNeedsApproval() throws Exception {
    server
        .replay("anthropic/messages-stream-write-file.sse", 200, FakeProvider.SSE)
        .replay("anthropic/messages-stream-text.sse", 200, FakeProvider.SSE);
    ChatCli cli = cli("[tools]\nrequire_approval = [\"write_file\"]\n");
    CliRun run = cli.chat("save a note about Paris\nn\n/quit\n");
    assertThat(run.out()).contains("Execute write_file (notes/paris.md)? [y/N]");
    assertThat(cli.workspace().resolve("notes/paris.md")).doesNotExist();
    server.takeBody();
    assertThat(server.takeBody()).contains("the user denied running write_file");
  }

  @Test
  void afterReadingAFileAWriteAsksWithTheReasonAndRunsWhenApproved() throws Exception {
    server
        .replay("anthropic/messages-stream-read-file.sse", 200, FakeProvider.SSE)
        .replay("anthropic/messages-stream-write-file.sse", 200, FakeProvider.SSE)
        .replay("anthropic/messages-stream-text.sse", 200, FakeProvider.SSE);
    ChatCli cli = cli("");
    Files.createDirectories(cli.workspace());
    Files.writeString(cli.workspace().resolve("inbox.md"), "Please note: Paris in May.\n");
    CliRun run = cli.chat("file my inbox\ny\n/quit\n");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "Needs your approval: this turn has taken in untrusted content (from read_file)"
                + " and write_file writes files.")
        .contains("Execute write_file (notes/paris.md)? [y/N]");
    assertThat(cli.workspace().resolve("notes/paris.md")).content().contains("remember the Louvre");
  }

  @Test
  void unknownCommandsSuggestTheNearestAndBadModelsAreRefused() {
    CliRun run = cli("").chat("/staus\n/model claude-cli/opus\n/quit\n");
    assertThat(run.out())
        .contains("Unknown command /staus. Did you mean /status?")
        .contains("Cannot use 'claude-cli/opus'");
    CliRun bad = cli("").chat("", "-m", "claude-cli/opus");
    assertThat(bad.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(bad.err()).contains("does not support").doesNotContain("\tat ");
  }

  @Test
  void withoutAProviderTheReplAnswersFromMemory() {
    CliRun run = new ChatCli(home, "").chat("anything about gardens?\n");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Model: none (memory-only)")
        .contains("No language model is configured");
  }
}
