package dev.localgpt.cli.commands;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.localgpt.app.wiring.ChatFactory;
import dev.localgpt.cli.CliContext;
import dev.localgpt.cli.CliException;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.cli.daemon.DaemonClient;
import dev.localgpt.core.agent.AgentResult.StopCause;
import dev.localgpt.core.agent.tools.ApprovalGate;
import dev.localgpt.core.chat.ChatService;
import dev.localgpt.core.chat.ChatStreamListener;
import dev.localgpt.core.chat.TurnResult;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.ports.llm.ChatModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code localgpt ask "..." [-m MODEL] [-f text|json]}: one turn with all tools, in a new session.
 */
@Command(
    name = "ask",
    mixinStandardHelpOptions = true,
    description =
        "Ask one question (all tools available) and print the answer. Reads stdin when no question or '-'.")
public final class AskCommand implements java.util.concurrent.Callable<Integer> {
  /** Output format. */
  public enum Format {
    text,
    json
  }

  @Inject private CliContext context;
  @Inject private Provider<ChatFactory> chats;
  @Inject private Provider<LocalGptConfig> config;
  private InputStream stdin = System.in;

  @Parameters(
      arity = "0..*",
      paramLabel = "QUESTION",
      description = "The question; '-' or none reads stdin.")
  List<String> words = List.of();

  @Option(
      names = {"-m", "--model"},
      paramLabel = "MODEL",
      description = "provider/model, e.g. ollama/llama3.2.")
  String model;

  @Option(
      names = {"-f", "--format"},
      defaultValue = "text",
      description = "text (streamed) or json.")
  Format format;

  @Option(
      names = "--local",
      description = "Answer in this process even when a daemon runs for this home.")
  boolean local;

  /** Where {@code -} and an empty question read from (tests pass their own). */
  public void stdin(InputStream in) {
    this.stdin = in;
  }

  @Override
  public Integer call() {
    String question = question();
    Optional<DaemonClient> daemon =
        DaemonClient.forCli(context, local, () -> config.get().server().authToken());
    if (daemon.isPresent()) {
      return RemoteAsk.run(context, daemon.get(), question, model, format == Format.json);
    }
    ChatFactory factory = chats.get();
    ChatModel chatModel = ModelFailures.model(factory, model);
    ChatService chat = ChatService.start(factory.setup(chatModel, ApprovalGate.DENY_ALL));
    chat.shellNotice().ifPresent(n -> context.err().println("note: " + n));
    TurnResult result;
    if (format == Format.json) {
      ChatStreamListener quiet =
          new ToolProgress(new PrintWriter(Writer.nullWriter()), context.err()) {
            @Override
            public void onToolStart(String tool, String detail) {}

            @Override
            public void onToolEnd(String tool, boolean error) {}
          };
      result = chat.send(question, quiet);
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("question", question);
      json.put("response", result.text());
      json.put("model", result.model() == null ? chatModel.id() : result.model());
      json.put("stopped", result.stoppedBecause().name().toLowerCase(Locale.ROOT));
      context.printJson(json);
    } else {
      ToolProgress progress = new ToolProgress(context.out(), context.err());
      result = chat.send(question, progress);
      progress.finish();
    }
    return checkCompleted(result);
  }

  /** A turn stopped by a guard (tool errors, repeats, step limit) failed: say why, exit 1. */
  private static int checkCompleted(TurnResult result) {
    if (result.stoppedBecause() == StopCause.COMPLETED
        || result.stoppedBecause() == StopCause.MAX_TOKENS) {
      return ExitCodes.OK;
    }
    String why = result.text().strip().replaceAll("^\\[Stopped: |\\.?]$", "");
    throw new CliException(
        "the agent stopped before answering: " + why,
        "see the failed tool calls with 'localgpt sessions show " + result.sessionId() + "'",
        ExitCodes.GENERAL);
  }

  private String question() {
    String joined = String.join(" ", words).strip();
    if (!joined.isEmpty() && !joined.equals("-")) {
      return joined;
    }
    try {
      String read = new String(stdin.readAllBytes(), StandardCharsets.UTF_8).strip();
      if (read.isEmpty()) {
        throw new CliException(
            "no question given",
            "localgpt ask \"your question\", or pipe it: echo hi | localgpt ask",
            ExitCodes.CONFIG);
      }
      return read;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the question from stdin: " + e.getMessage(), e);
    }
  }
}
