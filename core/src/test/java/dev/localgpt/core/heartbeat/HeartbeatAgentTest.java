package dev.localgpt.core.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.agent.tools.ApprovalGate;
import dev.localgpt.core.agent.tools.ToolSettings;
import dev.localgpt.core.chat.ChatSetup;
import dev.localgpt.core.chat.TurnResult;
import dev.localgpt.core.memory.InMemoryMemory;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import dev.localgpt.ports.session.InMemorySessionStore;
import dev.localgpt.ports.session.SessionInfo;
import dev.localgpt.ports.session.TickingClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatAgentTest {
  @TempDir Path workspace;
  final TickingClock clock =
      new TickingClock(Instant.parse("2026-06-10T10:00:00Z"), Duration.ofSeconds(1));
  final InMemorySessionStore sessions = new InMemorySessionStore(clock);

  ChatSetup setup(ScriptedChatModel model) {
    MemoryService memory = InMemoryMemory.service(workspace, clock);
    return ChatSetup.builder()
        .model(model)
        .sessions(sessions)
        .memory(memory)
        .workspace(PathGuard.of(workspace))
        .clock(clock)
        .zone(ZoneOffset.UTC)
        .approval(ApprovalGate.ALLOW_ALL)
        .tools(ToolSettings.DEFAULTS.withRequireApproval(Set.of("write_file")))
        .build();
  }

  @Test
  void eachRunIsAFreshSessionAndApprovalRequiredToolsAreRefused() throws Exception {
    ScriptedChatModel model =
        ScriptedChatModel.replying(
            Reply.tool(
                "write_file",
                JsonObject.builder().put("path", "HEARTBEAT.md").put("content", "").build()),
            Reply.text("I could not clear the file."),
            Reply.text("HEARTBEAT_OK"));
    HeartbeatAgent agent = HeartbeatAgent.chat("scripted", () -> setup(model));
    Files.writeString(workspace.resolve("HEARTBEAT.md"), "- [ ] Keep me\n");

    TurnResult first = agent.run(HeartbeatPrompt.text(false), () -> false);
    TurnResult second = agent.run(HeartbeatPrompt.text(false), () -> false);

    assertThat(Files.readString(workspace.resolve("HEARTBEAT.md"))).isEqualTo("- [ ] Keep me\n");
    assertThat(first.text()).isEqualTo("I could not clear the file.");
    assertThat(model.requests().get(1).messages().toString())
        .contains("write_file was refused", "nobody can approve it here");
    assertThat(second.sessionId()).isNotEqualTo(first.sessionId());
    assertThat(model.requests().get(2).messages()).hasSize(1);
    assertThat(sessions.list())
        .extracting(SessionInfo::id)
        .contains(first.sessionId(), second.sessionId());
  }
}
