package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code localgpt heartbeat run|status|log} end to end against a fake OpenAI server replaying
 * recorded streams.
 */
class HeartbeatCommandTest {
  @TempDir Path home;
  final FakeProvider server = new FakeProvider();

  @AfterEach
  void stop() {
    server.close();
  }

  ChatCli cli(String heartbeatSection) {
    return new ChatCli(
        home,
        "[agent]\ndefault_model = \"openai/gpt-4o-mini\"\n[providers.openai]\n"
            + "api_key = \"test-key\"\nbase_url = \""
            + server.url("/v1")
            + "\"\n"
            + heartbeatSection);
  }

  @Test
  void aRunWorksThroughHeartbeatMdAndLogsTheAlertAndThenAnOk() throws Exception {
    ChatCli cli = cli("");
    cli.run("workspace", "init");
    Files.writeString(
        cli.workspace().resolve("HEARTBEAT.md"), "# Tasks\n- [ ] Explain why the sky is blue\n");
    server
        .replay("openai/chat-completion-stream-text.sse", 200, FakeProvider.SSE)
        .replay("openai/chat-completion-stream-heartbeat-ok.sse", 200, FakeProvider.SSE);

    CliRun alert = cli.run("heartbeat", "run");
    CliRun ok = cli.run("heartbeat", "run");

    assertThat(alert.exitCode()).as(alert.err()).isZero();
    assertThat(alert.out())
        .startsWith("Alert (openai/gpt-4o-mini")
        .contains(", 30 tokens, ")
        .contains("The sky looks blue");
    assertThat(ok.out()).startsWith("HEARTBEAT_OK: nothing to report (openai/gpt-4o-mini");
    String request = server.takeBody();
    assertThat(request)
        .contains("Read HEARTBEAT.md if it exists")
        .contains("Explain why the sky is blue")
        .contains("\"write_file\"");
    assertThat(server.requestCount()).isEqualTo(2);
    Path log = home.resolve("logs/heartbeat.jsonl");
    assertThat(Files.readAllLines(log)).hasSize(2);
    assertThat(Files.readAllLines(log).getFirst())
        .contains(
            "\"status\":\"ran\"",
            "\"reason\":\"alert\"",
            "\"model\":\"openai/gpt-4o-mini",
            "\"tokens\":30");

    CliRun status = cli.run("heartbeat", "status", "--json");
    JsonNode json = new ObjectMapper().readTree(status.out());
    assertThat(json.path("enabled").asBoolean()).isTrue();
    assertThat(json.path("last_alert").path("text").asText()).startsWith("The sky looks blue");
    assertThat(json.path("last_runs")).hasSize(2);
    assertThat(json.path("budget_left").isNull()).isTrue();
    assertThat(cli.run("heartbeat", "log", "-n", "1").out())
        .contains("ran", "ok", "openai/gpt-4o-mini");
  }

  @Test
  void daemonHeartbeatIsTheRustNameForOneRun() throws Exception {
    ChatCli cli = cli("");
    cli.run("workspace", "init");
    Files.writeString(
        cli.workspace().resolve("HEARTBEAT.md"), "- [ ] Explain why the sky is blue\n");
    server.replay("openai/chat-completion-stream-heartbeat-ok.sse", 200, FakeProvider.SSE);

    CliRun run = cli.run("daemon", "heartbeat");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("HEARTBEAT_OK: nothing to report (openai/gpt-4o-mini");
    assertThat(server.takeBody()).contains("Read HEARTBEAT.md if it exists");
    assertThat(Files.readAllLines(home.resolve("logs/heartbeat.jsonl")))
        .singleElement()
        .asString()
        .contains("\"status\":\"ran\"", "\"reason\":\"ok\"");
  }

  @Test
  void aRunIsBusyWhileAnotherHoldsTheHeartbeat() throws Exception {
    ChatCli cli = cli("");
    cli.run("workspace", "init");
    Files.writeString(cli.workspace().resolve("HEARTBEAT.md"), "- [ ] Something\n");
    try (var lease =
        dev.localgpt.app.heartbeat.JsonHeartbeatStore.in(home.resolve("data"))
            .tryLock()
            .orElseThrow()) {
      CliRun run = cli.run("heartbeat", "run");
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).startsWith("skipped: busy (another heartbeat run is in progress");
    }
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void anEmptyHeartbeatFileSkipsWithoutCallingTheModel() {
    ChatCli cli = cli("");
    cli.run("workspace", "init");
    CliRun run = cli.run("heartbeat", "run");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo("skipped: empty-heartbeat-file (HEARTBEAT.md holds no tasks)\n");
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void aDisabledHeartbeatNeverRunsEvenByHand() throws Exception {
    ChatCli cli = cli("[heartbeat]\nenabled = false\n");
    cli.run("workspace", "init");
    Files.writeString(cli.workspace().resolve("HEARTBEAT.md"), "- [ ] Something\n");
    CliRun run = cli.run("heartbeat", "run");
    assertThat(run.out()).startsWith("skipped: disabled");
    assertThat(server.requestCount()).isZero();
    assertThat(cli.run("heartbeat", "status").out())
        .contains("enabled:      no (heartbeat.enabled = false)");
  }

  @Test
  void aProviderErrorIsLoggedAndExitsWith3() throws Exception {
    ChatCli cli = cli("");
    cli.run("workspace", "init");
    Files.writeString(cli.workspace().resolve("HEARTBEAT.md"), "- [ ] Something\n");
    server.replay("openai/error-429-rate-limit.json", 401, FakeProvider.JSON);
    CliRun run = cli.run("heartbeat", "run");
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).startsWith("heartbeat failed (openai/gpt-4o-mini): ");
    assertThat(Files.readString(home.resolve("logs/heartbeat.jsonl")))
        .contains("\"status\":\"failed\"");
  }
}
