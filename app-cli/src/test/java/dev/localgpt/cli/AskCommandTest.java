package dev.localgpt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localgpt.core.agent.MemoryOnlyChatModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AskCommandTest {
  static final String SKY = "The sky looks blue because of Rayleigh scattering";

  @TempDir Path home;
  final FakeProvider server = new FakeProvider();

  @AfterEach
  void stop() {
    server.close();
  }

  String anthropic() {
    return "[agent]\ndefault_model = \"anthropic/claude-sonnet-4-5\"\n[providers.anthropic]\napi_key = \"test-key\"\n"
        + "base_url = \""
        + server.url("")
        + "\"\n";
  }

  String openai() {
    return "[agent]\ndefault_model = \"openai/gpt-4o-mini\"\n[providers.openai]\napi_key = \"test-key\"\n"
        + "base_url = \""
        + server.url("/v1")
        + "\"\n";
  }

  String ollama() {
    return "[agent]\ndefault_model = \"ollama/llama3.2\"\n[providers.ollama]\nendpoint = \""
        + server.url("")
        + "\"\n";
  }

  void assertWroteTheNoteAndAnswered(ChatCli cli, CliRun run) throws Exception {
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("> Running tool: write_file (notes/paris.md) ... Done.");
    assertThat(Files.readString(cli.workspace().resolve("notes/paris.md")))
        .isEqualTo("Paris, France: remember the Louvre.");
    assertThat(run.out()).contains(SKY);
    assertThat(server.takeBody()).contains("save a note about Paris").contains("write_file");
    assertThat(server.takeBody()).contains("notes/paris.md").contains("call");
  }

  @Test
  void aConversationWithAToolCallThroughAnthropic() throws Exception {
    ChatCli cli = new ChatCli(home, anthropic());
    server
        .replay("anthropic/messages-stream-write-file.sse", 200, FakeProvider.SSE)
        .replay("anthropic/messages-stream-text.sse", 200, FakeProvider.SSE);
    assertWroteTheNoteAndAnswered(cli, cli.ask("", "save a note about Paris"));
  }

  @Test
  void aConversationWithAToolCallThroughOpenAi() throws Exception {
    ChatCli cli = new ChatCli(home, openai());
    server
        .replay("openai/chat-completion-stream-write-file.sse", 200, FakeProvider.SSE)
        .replay("openai/chat-completion-stream-text.sse", 200, FakeProvider.SSE);
    CliRun run = cli.ask("", "save a note about Paris");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("> Running tool: write_file (notes/paris.md) ... Done.");
    assertThat(Files.readString(cli.workspace().resolve("notes/paris.md")))
        .isEqualTo("Paris, France: remember the Louvre.");
    assertThat(server.takeBody()).contains("save a note about Paris");
    assertThat(server.takeBody()).contains("\"role\":\"tool\"");
  }

  @Test
  void aConversationWithAToolCallThroughOllama() throws Exception {
    ChatCli cli = new ChatCli(home, ollama());
    server
        .replay("ollama/chat-stream-write-file.ndjson", 200, FakeProvider.NDJSON)
        .replay("ollama/chat-stream-text.ndjson", 200, FakeProvider.NDJSON);
    CliRun run = cli.ask("", "save a note about Paris");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("> Running tool: write_file (notes/paris.md) ... Done.");
    assertThat(Files.readString(cli.workspace().resolve("notes/paris.md")))
        .isEqualTo("Paris, France: remember the Louvre.");
    assertThat(run.out()).contains("The sky looks blue because of Rayleigh scattering.");
  }

  @Test
  void rateLimitedWithRetryAfterIsRetriedThenAnswers() {
    ChatCli cli = new ChatCli(home, openai());
    server
        .replay("openai/error-429-rate-limit.json", 429, FakeProvider.JSON, "retry-after", "1")
        .replay("openai/chat-completion-stream-text.sse", 200, FakeProvider.SSE);
    CliRun run = cli.ask("", "why is the sky blue?");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(server.requestCount()).isEqualTo(2);
    assertThat(run.out()).isNotBlank();
  }

  @Test
  void aFallbackModelAnswersWithOneNotice() {
    ChatCli cli =
        new ChatCli(
            home,
            anthropic()
                    .replace(
                        "[providers.anthropic]",
                        "fallback_models = [\"openai/gpt-4o-mini\"]\n[providers.anthropic]")
                + "[providers.openai]\napi_key = \"k2\"\nbase_url = \""
                + server.url("/v1")
                + "\"\n");
    server
        .replay("anthropic/error-401-authentication.json", 401, FakeProvider.JSON)
        .replay("openai/chat-completion-stream-text.sse", 200, FakeProvider.SSE);
    CliRun run = cli.ask("", "-f", "json", "why is the sky blue?");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .containsOnlyOnce(
            "note: anthropic/claude-sonnet-4-5 was refused (auth); using " + "openai/gpt-4o-mini");
  }

  @Test
  void jsonHasQuestionResponseAndModel() throws Exception {
    ChatCli cli = new ChatCli(home, anthropic());
    server.replay("anthropic/messages-stream-text.sse", 200, FakeProvider.SSE);
    CliRun run = cli.ask("", "-f", "json", "why", "is the sky blue?");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.path("question").asText()).isEqualTo("why is the sky blue?");
    assertThat(json.path("response").asText()).startsWith(SKY);
    assertThat(json.path("model").asText()).startsWith("anthropic/");
  }

  @Test
  void withoutAnyProviderItAnswersFromMemoryWithAHint() throws Exception {
    ChatCli cli = new ChatCli(home, "");
    cli.run("workspace", "init");
    Files.writeString(
        cli.workspace().resolve("MEMORY.md"), "# Memory\n\nThe zephyrine key is under the mat.\n");
    CliRun run = cli.ask("where is the zephyrine key?\n", "-");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("MEMORY.md")
        .contains("zephyrine")
        .contains(MemoryOnlyChatModel.HOW_TO_CONFIGURE);
  }

  @Test
  void theFirstRunCreatesTheWorkspaceWithoutOverwritingAnything() throws Exception {
    ChatCli cli = new ChatCli(home, "");
    Files.createDirectories(cli.workspace());
    Files.writeString(cli.workspace().resolve("MEMORY.md"), "# Mine\n\nKeep me.\n");
    CliRun run = cli.ask("", "hello");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(cli.workspace().resolve("MEMORY.md")).hasContent("# Mine\n\nKeep me.\n");
    assertThat(cli.workspace().resolve("SOUL.md")).exists();
    assertThat(cli.workspace().resolve("memory")).isDirectory();
  }

  @Test
  void aProviderFailureExitsThreeWithOneLineAndAHint() {
    ChatCli cli = new ChatCli(home, anthropic());
    server.replay("anthropic/error-401-authentication.json", 401, FakeProvider.JSON);
    CliRun run = cli.ask("", "hello");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.PROVIDER);
    assertThat(run.err())
        .startsWith("error: model provider failed (AUTH)")
        .contains("\nhint: check the API key")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(run.err().lines().count()).isEqualTo(2);
  }

  @Test
  void unsupportedOrUnknownModelNamesAreUsageErrors() {
    ChatCli cli = new ChatCli(home, "");
    CliRun rust = cli.ask("", "-m", "claude-cli/opus", "hello");
    assertThat(rust.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(rust.err())
        .contains("claude-cli")
        .contains("does not support")
        .contains("anthropic/")
        .doesNotContain("\tat ");
    CliRun unknown = cli.ask("", "-m", "nonsense/model", "hello");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(unknown.err()).contains("unknown provider 'nonsense'");
  }

  @Test
  void aRustConfigWithClaudeCliSaysSo() {
    ChatCli cli = new ChatCli(home, "[agent]\ndefault_model = \"claude-cli/opus\"\n");
    CliRun run = cli.ask("", "hello");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(run.err()).contains("claude-cli");
  }

  @Test
  void noQuestionAtAllIsAUsageError() {
    CliRun run = new ChatCli(home, "").ask("", "-");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
    assertThat(run.err()).contains("no question given");
  }
}
