package dev.localgpt.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.agent.AgentResult.StopCause;
import dev.localgpt.core.agent.MemoryOnlyChatModel;
import dev.localgpt.core.agent.tools.ApprovalGate;
import dev.localgpt.core.agent.tools.ToolSettings;
import dev.localgpt.core.session.ContextBudget;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.Role;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import dev.localgpt.ports.session.SessionEntry;
import dev.localgpt.ports.text.ScriptedFrontMatterParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatServiceTest {
  @TempDir Path workspace;
  private ChatFixture fx;

  @BeforeEach
  void setUp() {
    fx = new ChatFixture(workspace);
  }

  /** Records what a front end would print. */
  private static final class Recorder implements ChatStreamListener {
    final StringBuilder text = new StringBuilder();
    final List<String> events = new ArrayList<>();

    @Override
    public void onText(String delta) {
      text.append(delta);
    }

    @Override
    public void onToolStart(String tool, String detail) {
      events.add("start " + tool + " (" + detail + ")");
    }

    @Override
    public void onToolEnd(String tool, boolean error) {
      events.add("end " + tool + (error ? " error" : " ok"));
    }

    @Override
    public void onNotice(String message) {
      events.add("notice " + message);
    }
  }

  @Test
  void aConversationWithAToolCallIsPersistedAndResumedAfterARestart() throws IOException {
    ScriptedChatModel model =
        ScriptedChatModel.replying(
            Reply.tool(
                "write_file",
                JsonObject.builder()
                    .put("path", "notes/todo.md")
                    .put("content", "- buy milk\n")
                    .build()),
            Reply.text("I wrote your todo list."));
    ChatService chat = ChatService.start(fx.setup(model).build());
    Recorder out = new Recorder();

    TurnResult turn = chat.send("Write my todo: buy milk", out);

    assertThat(turn.text()).isEqualTo("I wrote your todo list.");
    assertThat(turn.toolCalls()).isEqualTo(1);
    assertThat(turn.stoppedBecause()).isEqualTo(StopCause.COMPLETED);
    assertThat(out.text.toString()).isEqualTo("I wrote your todo list.");
    assertThat(out.events).containsExactly("start write_file (notes/todo.md)", "end write_file ok");
    assertThat(Files.readString(workspace.resolve("notes/todo.md"))).isEqualTo("- buy milk\n");
    assertThat(fx.store.read(turn.sessionId()))
        .extracting(e -> ((SessionEntry.Message) e).message().role())
        .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT);

    ScriptedChatModel afterRestart =
        ScriptedChatModel.replying(Reply.text("You asked me to note: buy milk."));
    ChatService resumed =
        ChatService.resume(fx.setup(afterRestart).build(), turn.sessionId().substring(0, 8));
    resumed.send("What did I ask you?", ChatStreamListener.NONE);

    assertThat(resumed.sessionId()).isEqualTo(turn.sessionId());
    List<ChatMessage> seen = afterRestart.requests().getFirst().messages();
    assertThat(seen)
        .extracting(ChatMessage::role)
        .containsExactly(Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT, Role.USER);
    assertThat(seen.get(1).toolCalls()).extracting(c -> c.name()).containsExactly("write_file");
    assertThat(seen.get(4).text()).startsWith("What did I ask you?");
    assertThat(ChatService.resumeLatestOrStart(fx.setup(afterRestart).build()).sessionId())
        .isEqualTo(turn.sessionId());
  }

  @Test
  void theSystemPromptIsBuiltOncePerSessionWithToolsAndSkills() throws IOException {
    Path skill = workspace.resolve("skills/weather/SKILL.md");
    Files.createDirectories(skill.getParent());
    ScriptedFrontMatterParser frontMatter = new ScriptedFrontMatterParser();
    Files.writeString(
        skill,
        frontMatter.given(
            "weather skill",
            JsonObject.builder()
                .put("name", "weather")
                .put("description", "Forecasts for a city")
                .build(),
            ""));
    ScriptedChatModel model = ScriptedChatModel.replying(Reply.text("one"), Reply.text("two"));
    ChatService chat =
        ChatService.start(
            fx.setup(model)
                .skills(
                    new dev.localgpt.core.skills.SkillLoader(
                        workspace, null, frontMatter, name -> false, java.util.Map.of(), Set.of()))
                .build());

    chat.send("first", ChatStreamListener.NONE);
    chat.send("second", ChatStreamListener.NONE);

    List<ChatRequest> requests = model.requests();
    assertThat(requests.get(0).system())
        .isEqualTo(requests.get(1).system())
        .isEqualTo(chat.systemPrompt());
    assertThat(chat.systemPrompt())
        .contains("- weather: Forecasts for a city (or use /weather command)")
        .contains("- memory_search:");
    assertThat(requests.get(0).tools())
        .extracting(t -> t.name())
        .contains("read_file", "memory_search");
  }

  @Test
  void aSmallContextWindowTriggersACheckpointInTodaysNoteBeforeCompacting() throws IOException {
    Path note = workspace.resolve("memory/" + ChatFixture.TODAY + ".md");
    AtomicBoolean noteExistedWhenSummarising = new AtomicBoolean();
    ScriptedChatModel model =
        ScriptedChatModel.answering(
            request -> {
              if (request.system().startsWith("You extract durable facts")) {
                return Reply.text("- The user's cat is called Miso");
              }
              if (request.system().startsWith("Summarize")) {
                noteExistedWhenSummarising.set(Files.exists(note));
                return Reply.text("The user talked about their cat.");
              }
              return Reply.text("Noted.");
            });
    int promptTokens =
        ContextBudget.estimate(ChatService.start(fx.setup(model).build()).systemPrompt());
    ChatService chat =
        ChatService.start(
            fx.setup(model)
                .contextWindow(ContextBudget.SOFT_MARGIN + promptTokens + 600)
                .reserveTokens(0)
                .build());
    String padding = " lorem ipsum".repeat(60);

    List<TurnResult> turns = new ArrayList<>();
    Recorder out = new Recorder();
    for (int i = 1; i <= 5; i++) {
      turns.add(chat.send("My cat is called Miso, fact " + i + padding, out));
    }

    TurnResult compacting =
        turns.stream().filter(t -> t.compaction().isPresent()).findFirst().orElseThrow();
    assertThat(compacting.compaction().get().checkpointPath())
        .isEqualTo("memory/" + ChatFixture.TODAY + ".md");
    assertThat(noteExistedWhenSummarising).isTrue();
    assertThat(Files.readString(note))
        .contains("## Checkpoint")
        .contains("- The user's cat is called Miso");
    assertThat(fx.store.read(chat.sessionId())).anyMatch(SessionEntry.Compaction.class::isInstance);
    assertThat(out.events)
        .anyMatch(
            e -> e.startsWith("notice Context near its limit: saved a checkpoint to memory/"));
    assertThat(chat.context().used()).isLessThan(chat.context().contextWindow());
  }

  @Test
  void newSessionSavesTheTranscriptToADatedMemoryFileAndStartsOver() throws IOException {
    ScriptedChatModel model = ScriptedChatModel.replying(Reply.text("Hello Ada."));
    ChatService chat = ChatService.start(fx.setup(model).build());
    chat.send("Hi, I am Ada Lovelace", ChatStreamListener.NONE);
    String before = chat.sessionId();

    ChatService.NewSession renewal = chat.newSession();

    assertThat(renewal.savedTo()).contains("memory/" + ChatFixture.TODAY + "-hi-i-am-ada.md");
    assertThat(Files.readString(workspace.resolve(renewal.savedTo().get())))
        .contains("**User**: Hi, I am Ada Lovelace")
        .contains("**Assistant**: Hello Ada.");
    assertThat(renewal.sessionId()).isNotEqualTo(before).isEqualTo(chat.sessionId());
    assertThat(chat.history()).isEmpty();
  }

  @Test
  void withoutAModelChatAnswersFromMemoryOnly() {
    ChatService chat = ChatService.start(fx.setup(null).build());
    Recorder out = new Recorder();

    TurnResult turn = chat.send("Tell me about my serval named Pix", out);

    assertThat(chat.memoryOnly()).isTrue();
    assertThat(turn.model()).isEqualTo(MemoryOnlyChatModel.ID);
    assertThat(turn.text())
        .contains("MEMORY.md:")
        .contains("serval named Pix")
        .endsWith(MemoryOnlyChatModel.HOW_TO_CONFIGURE);
    assertThat(out.text.toString()).isEqualTo(turn.text());
    assertThat(chat.systemPrompt()).contains("No tools are available");
    assertThat(chat.status().render()).contains("memory-only");
  }

  @Test
  void aDeniedApprovalKeepsTheToolFromRunningAndTellsTheModel() {
    ScriptedChatModel model =
        ScriptedChatModel.replying(
            Reply.tool(
                "write_file", JsonObject.builder().put("path", "x.md").put("content", "x").build()),
            Reply.text("Okay, I did not write it."));
    List<String> asked = new ArrayList<>();
    ApprovalGate deny =
        (tool, detail) -> {
          asked.add(tool + " " + detail);
          return false;
        };
    ChatService chat =
        ChatService.start(
            fx.setup(model)
                .approval(deny)
                .tools(ToolSettings.DEFAULTS.withRequireApproval(Set.of("write_file")))
                .build());
    Recorder out = new Recorder();

    TurnResult turn = chat.send("write x", out);

    assertThat(asked).containsExactly("write_file x.md");
    assertThat(workspace.resolve("x.md")).doesNotExist();
    assertThat(out.events).containsExactly("start write_file (x.md)", "end write_file error");
    assertThat(model.requests().get(1).messages().get(2).text())
        .contains("the user denied running write_file");
    assertThat(turn.text()).isEqualTo("Okay, I did not write it.");
  }

  @Test
  void statusReportsModelSessionMessagesAndWarnsAboveEightyPercent() {
    ScriptedChatModel model = ScriptedChatModel.replying(Reply.text("short"));
    ChatService roomy = ChatService.start(fx.setup(model).build());
    roomy.send("hi", ChatStreamListener.NONE);

    ChatStatus status = roomy.status();
    assertThat(status.model()).isEqualTo("scripted/fake");
    assertThat(status.messageCount()).isEqualTo(2);
    assertThat(status.context().contextWindow()).isEqualTo(model.contextWindow());
    assertThat(status.context().used())
        .isEqualTo(
            status.context().systemTokens()
                + status.context().toolTokens()
                + status.context().historyTokens());
    assertThat(status.context().warning()).isFalse();
    assertThat(status.render()).contains("Session: " + roomy.sessionId()).doesNotContain("Warning");

    int used = status.context().used();
    ChatService tight =
        ChatService.start(
            fx.setup(model)
                .contextWindow(used + 10 + ContextBudget.SOFT_MARGIN)
                .reserveTokens(0)
                .build());
    ContextUsage full = new ContextUsage(used, 0, 0, (int) (used / 0.85), 0);
    assertThat(full.warning()).isTrue();
    assertThat(full.render()).contains("Warning: the context is over 80% full");
    assertThat(tight.context().contextWindow()).isEqualTo(used + 10 + ContextBudget.SOFT_MARGIN);
  }
}
