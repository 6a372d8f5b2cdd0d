package dev.localgpt.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.agent.AgentResult.StopCause;
import dev.localgpt.core.agent.tools.ApprovalGate;
import dev.localgpt.core.agent.tools.StandardTools;
import dev.localgpt.core.agent.tools.ToolBox;
import dev.localgpt.core.agent.tools.ToolOutcome;
import dev.localgpt.core.agent.tools.ToolSettings;
import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.Role;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import dev.localgpt.ports.llm.ToolCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentLoopTest {
  @TempDir Path workspace;
  private ToolBox tools;
  private final Recorder events = new Recorder();

  static final class Recorder implements AgentListener {
    final List<ChatMessage> messages = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    final List<String> log = new ArrayList<>();
    final AtomicBoolean cancel = new AtomicBoolean();

    @Override
    public void onText(String delta) {
      text.append(delta);
    }

    @Override
    public void onMessage(ChatMessage message) {
      messages.add(message);
      log.add("message:" + message.role());
    }

    @Override
    public void onToolStart(ToolCall call, String detail) {
      log.add("start:" + call.name() + "(" + detail + ")");
    }

    @Override
    public void onToolEnd(ToolCall call, ToolOutcome outcome) {
      log.add("end:" + call.name() + (outcome.error() ? ":error" : ""));
    }

    @Override
    public boolean isCancelled() {
      return cancel.get();
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    Files.writeString(workspace.resolve("MEMORY.md"), "- The user's cat is called Miso\n");
    tools =
        StandardTools.create(
            PathGuard.of(workspace),
            new StubMemorySearch(),
            null,
            ToolSettings.DEFAULTS,
            ApprovalGate.ALLOW_ALL);
  }

  private AgentLoop loop(ScriptedChatModel model, AgentSettings settings) {
    return new AgentLoop(model, tools, settings, "SYSTEM PROMPT");
  }

  @Test
  void runsAToolAndFeedsTheResultBackUntilTheFinalAnswer() {
    ScriptedChatModel model =
        ScriptedChatModel.replying(
            Reply.tool("read_file", JsonObject.of("path", "MEMORY.md")).withText("Let me check."),
            Reply.text("Your cat is called Miso."));
    List<ChatMessage> history = List.of(ChatMessage.user("hi"), ChatMessage.assistant("hello"));

    AgentResult result =
        loop(model, AgentSettings.DEFAULTS).run(history, "What is my cat called?", events);

    assertThat(result.text()).isEqualTo("Your cat is called Miso.");
    assertThat(result.stoppedBecause()).isEqualTo(StopCause.COMPLETED);
    assertThat(result.steps()).isEqualTo(2);
    assertThat(result.usage().inputTokens()).isEqualTo(20);
    assertThat(result.added())
        .extracting(ChatMessage::role)
        .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT);
    assertThat(result.added().get(1).toolCalls()).hasSize(1);
    assertThat(result.added().get(2).toolCallId())
        .isEqualTo(result.added().get(1).toolCalls().get(0).id());
    assertThat(result.added().get(2).text())
        .startsWith("<tool_output id=")
        .contains("cat is called Miso");
    assertThat(events.messages).isEqualTo(result.added());
    assertThat(events.log)
        .containsExactly(
            "message:USER",
            "message:ASSISTANT",
            "start:read_file(MEMORY.md)",
            "end:read_file",
            "message:TOOL",
            "message:ASSISTANT");
    assertThat(events.text.toString()).isEqualTo("Let me check.Your cat is called Miso.");

    ChatRequest second = model.requests().get(1);
    assertThat(second.system()).isEqualTo("SYSTEM PROMPT");
    assertThat(second.tools()).extracting(t -> t.name()).contains("read_file", "memory_search");
    assertThat(second.messages()).hasSize(5);
    assertThat(second.messages().get(0).text()).isEqualTo("hi");
  }

  @Test
  void securityReminderGoesOnTheLastUserOrToolMessageOfEachCallButIsNeverStored() {
    ScriptedChatModel model =
        ScriptedChatModel.replying(
            Reply.tool("read_file", JsonObject.of("path", "MEMORY.md")), Reply.text("done"));
    AgentResult result = loop(model, AgentSettings.DEFAULTS).run(List.of(), "question", events);

    List<ChatMessage> first = model.requests().get(0).messages();
    assertThat(first.get(0).text()).isEqualTo("question\n\n" + SecurityReminder.SUFFIX);
    List<ChatMessage> second = model.requests().get(1).messages();
    assertThat(second.get(0).text()).isEqualTo("question");
    assertThat(second.get(2).text()).endsWith(SecurityReminder.SUFFIX);
    assertThat(result.added()).noneMatch(m -> m.text().contains("SECURITY REMINDER"));
  }

  @Test
  void repeatGuardStopsTheSameCallWithTheSameArguments() {
    ScriptedChatModel model = callingEveryTime("memory_search", i -> JsonObject.of("query", "cat"));
    AgentResult result = loop(model, AgentSettings.DEFAULTS).run(List.of(), "loop please", events);

    assertThat(result.stoppedBecause()).isEqualTo(StopCause.REPEATED_TOOL_CALL);
    assertThat(model.requests()).hasSize(4);
    assertThat(events.log).filteredOn(s -> s.startsWith("start:")).hasSize(3);
    ChatMessage refused = result.added().get(result.added().size() - 2);
    assertThat(refused.role()).isEqualTo(Role.TOOL);
    assertThat(refused.text()).contains("already called 3 times");
    assertThat(result.added().getLast().role()).isEqualTo(Role.ASSISTANT);
    assertThat(result.text()).contains("repeated more than 3 times");
  }

  @Test
  void errorGuardStopsAfterConsecutiveFailures() {
    ScriptedChatModel model =
        callingEveryTime("read_file", i -> JsonObject.of("path", "missing-" + i + ".md"));
    AgentResult result = loop(model, AgentSettings.DEFAULTS).run(List.of(), "read stuff", events);

    assertThat(result.stoppedBecause()).isEqualTo(StopCause.TOOL_ERRORS);
    assertThat(model.requests()).hasSize(3);
    assertThat(events.log).filteredOn(s -> s.endsWith(":error")).hasSize(3);
  }

  @Test
  void aSuccessResetsTheErrorCount() {
    ScriptedChatModel model =
        ScriptedChatModel.replying(
            Reply.tool("read_file", JsonObject.of("path", "nope1.md")),
            Reply.tool("read_file", JsonObject.of("path", "nope2.md")),
            Reply.tool("read_file", JsonObject.of("path", "MEMORY.md")),
            Reply.tool("read_file", JsonObject.of("path", "nope3.md")),
            Reply.text("ok"));
    assertThat(loop(model, AgentSettings.DEFAULTS).run(List.of(), "x", events).stoppedBecause())
        .isEqualTo(StopCause.COMPLETED);
  }

  @Test
  void stepBoundEndsTheTurnAndLeavesValidHistory() {
    ScriptedChatModel model =
        callingEveryTime("memory_search", i -> JsonObject.of("query", "q" + i));
    AgentResult result =
        loop(model, AgentSettings.DEFAULTS.withMaxToolSteps(4)).run(List.of(), "go", events);

    assertThat(result.stoppedBecause()).isEqualTo(StopCause.MAX_STEPS);
    assertThat(result.steps()).isEqualTo(4);
    assertThat(model.requests()).hasSize(4);
    long calls = result.added().stream().mapToLong(m -> m.toolCalls().size()).sum();
    long results = result.added().stream().filter(m -> m.role() == Role.TOOL).count();
    assertThat(results).isEqualTo(calls);
    assertThat(result.added().getLast().text()).contains("limit of 4 model calls");
  }

  @Test
  void noReplyIsFlaggedSilent() {
    ScriptedChatModel model = ScriptedChatModel.replying(Reply.text("NO_REPLY"));
    AgentResult result = loop(model, AgentSettings.DEFAULTS).run(List.of(), "heartbeat", events);
    assertThat(result.silent()).isTrue();
    assertThat(result.text()).isEmpty();
  }

  @Test
  void cancellingDuringTheStreamKeepsThePartialReplyAndRunsNoTools() {
    ScriptedChatModel model =
        ScriptedChatModel.replying(
            Reply.tool("read_file", JsonObject.of("path", "MEMORY.md"))
                .withText("one two three four"));
    AgentListener cancelAfterFirstWord =
        new AgentListener() {
          @Override
          public void onText(String delta) {
            events.onText(delta);
            events.cancel.set(true);
          }

          @Override
          public void onMessage(ChatMessage message) {
            events.onMessage(message);
          }

          @Override
          public boolean isCancelled() {
            return events.cancel.get();
          }
        };
    AgentResult result =
        loop(model, AgentSettings.DEFAULTS).run(List.of(), "x", cancelAfterFirstWord);
    assertThat(result.stoppedBecause()).isEqualTo(StopCause.CANCELLED);
    assertThat(result.added()).extracting(ChatMessage::text).containsExactly("x", "one ");
    assertThat(result.added().get(1).toolCalls()).isEmpty();
  }

  /**
   * A model that answers every request with a call of {@code tool} (ids c1, c2, ...), its arguments
   * made from the call's number.
   */
  private static ScriptedChatModel callingEveryTime(
      String tool, IntFunction<JsonObject> arguments) {
    AtomicInteger n = new AtomicInteger();
    return ScriptedChatModel.answering(
        r -> {
          int i = n.incrementAndGet();
          return Reply.tools(new ToolCall("c" + i, tool, arguments.apply(i)));
        });
  }
}
