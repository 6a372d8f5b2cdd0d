package dev.localgpt.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.skills.SkillLoader;
import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import dev.localgpt.ports.text.ScriptedFrontMatterParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlashCommandsTest {
  @TempDir Path workspace;
  private ChatFixture fx;
  private ChatService chat;
  private SlashCommands commands;

  @BeforeEach
  void setUp() throws IOException {
    fx = new ChatFixture(workspace);
    Path skill = workspace.resolve("skills/trip-planner/SKILL.md");
    Files.createDirectories(skill.getParent());
    ScriptedFrontMatterParser frontMatter = new ScriptedFrontMatterParser();
    Files.writeString(
        skill,
        frontMatter.given(
            "trip planner skill",
            JsonObject.builder()
                .put("name", "Trip Planner")
                .put("description", "Plan trips")
                .build(),
            "Steps.\n"));
    ScriptedChatModel model = ScriptedChatModel.answering(r -> Reply.text("answer"));
    chat =
        ChatService.start(
            fx.setup(model)
                .skills(
                    new SkillLoader(
                        workspace, null, frontMatter, name -> false, Map.of(), Set.of()))
                .build());
    commands = new SlashCommands(chat, null, null);
  }

  private String reply(String line) {
    CommandResult result = commands.handle(line);
    assertThat(result).isInstanceOf(CommandResult.Reply.class);
    return ((CommandResult.Reply) result).text();
  }

  @Test
  void plainTextIsSentAndQuitAliasesExit() {
    assertThat(commands.handle("hello /there"))
        .isEqualTo(new CommandResult.Send("hello /there", Optional.empty()));
    assertThat(SlashCommands.isCommand("  /help")).isTrue();
    for (String quit : new String[] {"/quit", "/exit", "/q", "/QUIT"}) {
      assertThat(commands.handle(quit)).isInstanceOf(CommandResult.Exit.class);
    }
  }

  @Test
  void helpListsCommandsAndSkillsUnderEveryAlias() {
    for (String help : new String[] {"/help", "/h", "/?"}) {
      assertThat(reply(help))
          .contains("/resume <id-prefix>")
          .contains("/export [file]")
          .contains("/trip-planner [args]  Plan trips");
    }
  }

  @Test
  void skillCommandExpandsToTheInvocationMessage() {
    String path = workspace.resolve("skills/trip-planner/SKILL.md").toAbsolutePath().toString();

    assertThat(commands.handle("/trip-planner Rome in May"))
        .isEqualTo(
            new CommandResult.Send(
                "Use the skill at "
                    + path
                    + " with this request: Rome in May\n\n"
                    + "Read the skill file first, then follow its instructions.",
                Optional.of("Trip Planner")));
    assertThat(((CommandResult.Send) commands.handle("/trip-planner")).message())
        .isEqualTo("Use the skill at " + path + ". Read it first, then follow its instructions.");
    assertThat(reply("/skills")).contains("Trip Planner (/trip-planner) - Plan trips");
  }

  @Test
  void unknownCommandsSuggestTheNearestOne() {
    assertThat(commands.handle("/staus"))
        .isEqualTo(new CommandResult.Unknown("staus", Optional.of("status")));
    assertThat(commands.handle("/trip"))
        .isEqualTo(new CommandResult.Unknown("trip", Optional.of("trip-planner")));
    CommandResult.Unknown far = (CommandResult.Unknown) commands.handle("/xyzzyplugh");
    assertThat(far.suggestion()).isEmpty();
    assertThat(((CommandResult.Unknown) commands.handle("/staus")).message())
        .isEqualTo("Unknown command /staus. Did you mean /status? Type /help for the list.");
  }

  @Test
  void sessionsResumeNewAndClearWorkOnTheStore() {
    chat.send("First chat about rockets", ChatStreamListener.NONE);
    String first = chat.sessionId();

    String saved = reply("/new");
    assertThat(saved)
        .startsWith(
            "Saved the conversation to memory/"
                + ChatFixture.TODAY
                + "-first-chat-about-rockets.md.");
    assertThat(chat.sessionId()).isNotEqualTo(first);

    assertThat(reply("/sessions"))
        .contains(first.substring(0, 8))
        .contains("First chat about rockets")
        .contains("* " + chat.sessionId().substring(0, 8));
    assertThat(reply("/resume")).startsWith("Usage: /resume");
    assertThat(reply("/resume " + first.substring(0, 6)))
        .isEqualTo("Resumed session " + first + " (2 messages in context).");
    assertThat(chat.sessionId()).isEqualTo(first);
    assertThat(reply("/resume nope-nope")).contains("no session matches 'nope-nope'");

    assertThat(reply("/clear")).startsWith("History cleared. New session ");
    assertThat(chat.sessionId()).isNotEqualTo(first);
    assertThat(chat.history()).isEmpty();
  }

  @Test
  void memorySearchesWithShortSnippets() {
    assertThat(reply("/memory")).isEqualTo("Usage: /memory <query>");
    assertThat(reply("/memory serval")).startsWith("1. MEMORY.md:").contains("serval named Pix");
  }

  @Test
  void statusContextAndCompact() {
    assertThat(reply("/status"))
        .contains("Model: scripted/fake")
        .contains("Session: " + chat.sessionId())
        .contains("Skills: 1")
        .contains("Shell: off");
    assertThat(reply("/context"))
        .startsWith("Context: ")
        .contains("system prompt")
        .contains("compaction at");
    assertThat(reply("/compact")).startsWith("Nothing compacted: nothing to compact");
    for (int i = 0; i < 4; i++) {
      chat.send("message " + i, ChatStreamListener.NONE);
    }
    assertThat(reply("/compact"))
        .startsWith("Compacted 4 messages")
        .endsWith("checkpoint saved to memory/" + ChatFixture.TODAY + ".md.");
  }

  @Test
  void modelAndReindexAreRequestsWithoutWiringAndDoneWithIt() {
    assertThat(reply("/model")).isEqualTo("Model: scripted/fake");
    assertThat(commands.handle("/model ollama/llama3.2"))
        .isEqualTo(new CommandResult.SwitchModel("ollama/llama3.2"));
    assertThat(commands.handle("/reindex")).isInstanceOf(CommandResult.Reindex.class);

    ChatModel other = ScriptedChatModel.replying();
    ModelResolver resolver =
        name -> name.equals("other/model") ? Optional.of(other) : Optional.empty();
    SlashCommands wired = new SlashCommands(chat, resolver, Reindexer.of(fx.memory));
    assertThat(((CommandResult.Reply) wired.handle("/model other/model")).text())
        .isEqualTo("Switched to scripted/fake.");
    assertThat(chat.model()).isSameAs(other);
    assertThat(((CommandResult.Reply) wired.handle("/model nope/x")).text())
        .startsWith("Unknown model 'nope/x'");
    assertThat(((CommandResult.Reply) wired.handle("/reindex")).text())
        .matches(
            "Reindexed 3 files: 3 indexed, \\d+ chunks, \\d+ embedded, 0 removed in \\d+ ms\\.");
  }

  @Test
  void exportPrintsOrWritesMarkdownWithoutOverwriting() throws IOException {
    chat.send("Export me", ChatStreamListener.NONE);

    assertThat(reply("/export"))
        .startsWith("# Session " + chat.sessionId())
        .contains("## User\n\nExport me")
        .contains("## Assistant\n\nanswer");
    assertThat(reply("/export out/chat.md")).startsWith("Exported the conversation to ");
    assertThat(Files.readString(workspace.resolve("out/chat.md"))).contains("Export me");
    assertThat(reply("/export out/chat.md")).contains("already exists");
  }
}
