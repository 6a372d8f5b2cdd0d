package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.localgpt.app.daemon.DaemonInfo;
import dev.localgpt.app.daemon.PidFile;
import dev.localgpt.app.wiring.Wiring;
import dev.localgpt.app.wiring.WiringOptions;
import dev.localgpt.server.LocalGptServer;
import dev.localgpt.server.ServerLimits;
import dev.localgpt.server.chat.LiveSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chat} goes through the daemon of its home when one runs: here the app's real server from
 * the Guice graph, in this JVM, announced by the home's pid file, with a fake Anthropic provider
 * behind it. The session lives on the daemon; {@code --local} keeps the chat in process.
 */
class ChatThroughDaemonTest {
  @TempDir Path home;
  final FakeProvider provider = new FakeProvider();
  private ChatCli cli;
  private Injector daemonGraph;
  private LocalGptServer daemon;

  @BeforeEach
  void startDaemon() {
    cli =
        new ChatCli(
            home,
            "[agent]\ndefault_model = \"anthropic/claude-sonnet-4-5\"\n[providers.anthropic]\n"
                + "api_key = \"test-key\"\nbase_url = \""
                + provider.url("")
                + "\"\n"
                + "[memory]\nembedding_provider = \"none\"\n");
    daemonGraph =
        Wiring.injector(new WiringOptions(cli.env(), Optional.of(home), Optional.empty()));
    daemon =
        Wiring.get(daemonGraph, LocalGptServer.class).toBuilder()
            .port(0)
            .limits(ServerLimits.DEFAULTS.withoutRateLimit())
            .build()
            .start();
    PidFile.in(home)
        .write(
            new DaemonInfo(
                ProcessHandle.current().pid(), "127.0.0.1", daemon.port(), Instant.now(), "test"));
  }

  @AfterEach
  void stop() {
    daemon.stop();
    Wiring.close(daemonGraph);
    provider.close();
  }

  @Test
  void theReplyIsStreamedFromTheDaemonAndTheSessionLivesThere() {
    provider.replay("anthropic/messages-stream-text.sse", 200, FakeProvider.SSE);

    CliRun run = cli.chat("why is the sky blue?\n/status\n/quit\n");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("| Model: anthropic/claude-sonnet-4-5 | Memory: ")
        .contains("| Daemon: http://127.0.0.1:" + daemon.port())
        .contains("The sky looks blue because of Rayleigh scattering")
        .contains("Messages: 2");
    LiveSessions live = daemonGraph.getInstance(LiveSessions.class);
    assertThat(live.list()).hasSize(1);
    assertThat(run.out()).contains("Session: " + live.list().getFirst().id());
    assertThat(provider.takeBody()).contains("why is the sky blue?");
  }

  @Test
  void resumeContinuesTheDaemonsSessionWithItsHistory() {
    provider
        .replay("anthropic/messages-stream-text.sse", 200, FakeProvider.SSE)
        .replay("anthropic/messages-stream-text.sse", 200, FakeProvider.SSE);
    cli.chat("the code word is zanzibar\n");
    provider.takeBody();

    CliRun second = cli.chat("what was the code word?\n", "--resume");

    assertThat(second.out()).contains("Resumed session").contains("(2 messages)");
    assertThat(provider.takeBody())
        .contains("the code word is zanzibar")
        .contains("what was the code word?");
  }

  @Test
  void slashCommandsGoThroughTheApiOrSayTheyAreLocalOnly() {
    CliRun run =
        cli.chat("/memory sky\n/model nope/x\n/context\n/export\n/myskill\n/clear\n/help\n/quit\n");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("No memory matches 'sky'.")
        .contains("error: the daemon refused the request:")
        .contains("/context is local-only")
        .contains("/export is local-only")
        .contains("Skill commands are local-only")
        .contains("History cleared. New session ")
        .contains("Commands (this chat runs on the daemon):")
        .doesNotContain("\tat ");
  }

  @Test
  void ctrlCCancelsTheDaemonsReplyButNotTheProgram() throws Exception {
    provider.slowAnthropicStream(200);
    ChatCli.CancelledChat cancelled = cli.interruptALongReply();

    assertThat(cancelled.run()).isNotNull();
    assertThat(cancelled.run().exitCode()).as(cancelled.run().err()).isZero();
    assertThat(cancelled.screen()).contains("[cancelled]").contains("Session: ");
    assertThat(cancelled.screen().split("tick", -1).length - 1).isBetween(2, 199);
  }

  @Test
  void localKeepsTheChatInThisProcess() throws Exception {
    provider.replay("anthropic/messages-stream-text.sse", 200, FakeProvider.SSE);

    CliRun run = cli.chat("why is the sky blue?\n/quit\n", "--local");

    assertThat(run.out())
        .contains("| Skills: ")
        .doesNotContain("| Daemon: ")
        .contains("The sky looks blue because of Rayleigh scattering");
    assertThat(daemonGraph.getInstance(LiveSessions.class).list()).isEmpty();
    try (Stream<Path> sessions = Files.list(home.resolve("sessions"))) {
      assertThat(sessions).hasSize(1);
    }
  }
}
