package dev.localgpt.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.tools.RemoteTool;
import dev.localgpt.ports.tools.ToolResult;
import dev.localgpt.ports.tools.ToolServerStatus;
import dev.localgpt.ports.tools.ToolServerStatus.State;
import dev.localgpt.ports.tools.ToolSnapshot;
import dev.localgpt.ports.tools.ToolSourceException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The MCP client against real server processes ({@link TestMcpServer} in a child JVM). */
class McpToolSourceIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final Duration SHORT = Duration.ofSeconds(4);

  @Test
  void listsToolsWithSchemasAndCallsThem() {
    try (McpToolSource source =
        new McpToolSource(List.of(TestServers.stdio("test", TIMEOUT, "tools")))) {
      assertThat(source.status())
          .extracting(ToolServerStatus::state)
          .containsExactly(State.NOT_STARTED);

      ToolSnapshot snapshot = source.refresh();

      assertThat(snapshot.problems()).isEmpty();
      assertThat(snapshot.tools())
          .extracting(RemoteTool::name)
          .contains("echo", "fail", "crash", "hang");
      RemoteTool echo =
          snapshot.tools().stream().filter(t -> t.name().equals("echo")).findFirst().orElseThrow();
      assertThat(echo.server()).isEqualTo("test");
      assertThat(echo.description()).isEqualTo("Echoes the text back.");
      assertThat(echo.inputSchema().toString()).contains("\"required\":[\"text\"]");
      assertThat(source.call("test", "echo", JsonObject.of("text", "hello")))
          .isEqualTo(new ToolResult("echo: hello", false));
      assertThat(source.call("test", "fail", JsonObject.EMPTY).error()).isTrue();
      assertThat(source.status().get(0).state()).isEqualTo(State.RUNNING);
      assertThat(source.status().get(0).tools()).contains("echo");
    }
  }

  @Test
  void aServerThatCrashesMidCallFailsTheCallIsReportedOnceAndRestartsLater() throws Exception {
    try (McpToolSource source =
        new McpToolSource(List.of(TestServers.stdio("test", TIMEOUT, "tools")))) {
      source.refresh();
      long started = System.nanoTime();

      assertThatThrownBy(() -> source.call("test", "crash", JsonObject.EMPTY))
          .isInstanceOf(ToolSourceException.class)
          .hasMessageContaining("MCP server 'test'");

      System.out.println(
          "crash noticed after " + (System.nanoTime() - started) / 1_000_000 + " ms");
      assertThat(source.status().get(0).state()).isEqualTo(State.FAILED);
      ToolSnapshot after = waitForRestart(source);
      assertThat(after.tools()).extracting(RemoteTool::name).contains("echo");
      assertThat(source.call("test", "echo", JsonObject.of("text", "again")).text())
          .isEqualTo("echo: again");
    }
  }

  private static ToolSnapshot waitForRestart(McpToolSource source) throws InterruptedException {
    ToolSnapshot first = source.refresh();
    assertThat(first.problems())
        .singleElement()
        .asString()
        .contains("'test'")
        .contains("unavailable");
    ToolSnapshot next = first;
    for (int i = 0; i < 50 && next.tools().isEmpty(); i++) {
      Thread.sleep(200);
      next = source.refresh();
      assertThat(next.problems()).as("reported once").isEmpty();
    }
    return next;
  }

  @Test
  void aCallThatNeverAnswersTimesOutAndTheServerIsStopped() {
    try (McpToolSource source =
        new McpToolSource(List.of(TestServers.stdio("test", SHORT, "tools")))) {
      source.refresh();
      assertThatThrownBy(() -> source.call("test", "hang", JsonObject.EMPTY))
          .isInstanceOf(ToolSourceException.class)
          .hasMessageContaining("no answer within 4 s");
      ToolServerStatus status = source.status().get(0);
      assertThat(status.state()).isEqualTo(State.FAILED);
      assertThat(status.tools()).isEmpty();
      assertThat(
              ProcessHandle.current()
                  .children()
                  .filter(
                      p ->
                          p.info()
                              .commandLine()
                              .orElse("")
                              .contains(TestMcpServer.class.getName())))
          .as("no server process left")
          .isEmpty();
    }
  }

  @Test
  void serversThatDoNotStartAnswerGarbageOrStaySilentAreReportedAndTheOthersStillWork() {
    List<McpServerSettings> servers =
        List.of(
            TestServers.stdio("good", TIMEOUT, "tools"),
            TestServers.stdio("silent", SHORT, "silent"),
            TestServers.stdio("garbage", SHORT, "garbage"),
            TestServers.stdio("exits", SHORT, "exit"),
            McpServerSettings.stdio("missing", "/nonexistent/mcp-server", List.of(), SHORT));
    try (McpToolSource source = new McpToolSource(servers)) {
      ToolSnapshot snapshot = source.refresh();

      assertThat(snapshot.tools()).extracting(RemoteTool::server).containsOnly("good");
      assertThat(snapshot.problems()).hasSize(4);
      assertThat(snapshot.problems())
          .anySatisfy(p -> assertThat(p).contains("'silent'").contains("no answer"));
      assertThat(snapshot.problems()).anySatisfy(p -> assertThat(p).contains("'garbage'"));
      assertThat(snapshot.problems())
          .anySatisfy(
              p ->
                  assertThat(p)
                      .contains("'exits'")
                      .contains("exited while starting")
                      .contains("boom: cannot open the database"));
      assertThat(snapshot.problems())
          .anySatisfy(p -> assertThat(p).contains("'missing'").contains("does not exist"));
      assertThat(source.status())
          .extracting(ToolServerStatus::state)
          .containsExactly(State.RUNNING, State.FAILED, State.FAILED, State.FAILED, State.FAILED);
      assertThat(source.refresh().problems()).as("reported once").isEmpty();
      snapshot.problems().forEach(System.out::println);
    }
  }

  @Test
  void closeStopsEveryServerProcess() {
    McpToolSource source =
        new McpToolSource(
            List.of(
                TestServers.stdio("a", TIMEOUT, "tools"),
                TestServers.stdio("b", TIMEOUT, "tools")));
    source.refresh();
    assertThat(serverProcesses()).hasSize(2);

    source.close();

    assertThat(serverProcesses()).isEmpty();
    assertThat(source.status()).extracting(ToolServerStatus::state).containsOnly(State.NOT_STARTED);
  }

  @Test
  void disabledServersNeverStart() {
    McpServerSettings off =
        new McpServerSettings(
            "off",
            McpServerSettings.Transport.STDIO,
            TestServers.java(),
            TestServers.args("tools"),
            Map.of(),
            "",
            false,
            TIMEOUT);
    try (McpToolSource source = new McpToolSource(List.of(off))) {
      assertThat(source.refresh()).isEqualTo(ToolSnapshot.EMPTY);
      assertThat(source.status().get(0).state()).isEqualTo(State.DISABLED);
      assertThat(serverProcesses()).isEmpty();
    }
  }

  private static List<ProcessHandle> serverProcesses() {
    return ProcessHandle.current()
        .children()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().orElse("").contains(TestMcpServer.class.getName()))
        .toList();
  }
}
