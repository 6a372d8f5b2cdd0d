package dev.localgpt.cli.commands;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.localgpt.app.wiring.ChatFactory;
import dev.localgpt.cli.CliContext;
import dev.localgpt.cli.CliException;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.cli.TerminalSafeWriter;
import dev.localgpt.cli.daemon.DaemonClient;
import dev.localgpt.cli.daemon.DaemonConversation;
import dev.localgpt.cli.repl.ChatRepl;
import dev.localgpt.cli.repl.LocalConversation;
import dev.localgpt.cli.repl.ReplApproval;
import dev.localgpt.cli.repl.TerminalFactory;
import dev.localgpt.core.chat.ChatService;
import dev.localgpt.core.chat.ChatSetup;
import dev.localgpt.core.chat.SlashCommands;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.workspace.LocalGptHome;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.session.SessionStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code localgpt chat [-m MODEL] [-s ID | --resume] [--local]}: the interactive REPL; through the
 * daemon of this home when one runs (the session lives there), else in this process.
 */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    description =
        "Chat interactively (history, multi-line input with a trailing \\, /help for commands).")
public final class ChatCommand implements Callable<Integer> {
  @Inject private CliContext context;
  @Inject private Provider<ChatFactory> chats;
  @Inject private Provider<LocalGptHome> home;
  @Inject private TerminalFactory terminals;
  @Inject private Provider<LocalGptConfig> config;
  @Inject private Provider<SessionStore> sessions;

  @Option(
      names = {"-m", "--model"},
      paramLabel = "MODEL",
      description = "provider/model, e.g. ollama/llama3.2.")
  String model;

  @Option(
      names = {"-s", "--session"},
      paramLabel = "ID",
      description = "Continue this session (id or prefix).")
  String session;

  @Option(names = "--resume", description = "Continue the most recent session.")
  boolean resume;

  @Option(
      names = "--local",
      description = "Chat in this process even when a daemon runs for this home.")
  boolean local;

  @Override
  public Integer call() throws IOException {
    if (session != null && resume) {
      throw new CliException(
          "use either -s ID or --resume, not both", "run 'localgpt chat --help'", ExitCodes.CONFIG);
    }
    Optional<DaemonClient> daemon =
        DaemonClient.forCli(context, local, () -> config.get().server().authToken());
    if (daemon.isPresent()) {
      return throughDaemon(daemon.get());
    }
    ChatFactory factory = chats.get();
    ChatModel chatModel = ModelFailures.model(factory, model);
    try (Terminal terminal = terminals.open()) {
      LineReader reader = reader(terminal);
      ChatSetup setup = factory.setup(chatModel, new ReplApproval(reader));
      ChatService chat = open(setup);
      terminal.writer().println(TerminalSafeWriter.clean(banner(chat, factory)));
      chat.sessionWarning()
          .ifPresent(w -> terminal.writer().println(TerminalSafeWriter.clean("Warning: " + w)));
      chat.shellNotice().ifPresent(n -> terminal.writer().println("Note: " + n));
      terminal.writer().flush();
      new ChatRepl(
              terminal,
              reader,
              new LocalConversation(
                  chat, new SlashCommands(chat, factory.resolver(), factory.reindexer())))
          .run();
      reader.getHistory().save();
      return ExitCodes.OK;
    }
  }

  /** The session lives on the daemon: no model, no index in this process. */
  private int throughDaemon(DaemonClient daemon) throws IOException {
    DaemonConversation conversation =
        DaemonConversation.open(daemon, sessions.get(), session, resume, model);
    try (Terminal terminal = terminals.open()) {
      LineReader reader = reader(terminal);
      terminal.writer().println(TerminalSafeWriter.clean(conversation.banner()));
      terminal.writer().flush();
      new ChatRepl(terminal, reader, conversation).run();
      reader.getHistory().save();
      return ExitCodes.OK;
    }
  }

  private ChatService open(ChatSetup setup) {
    if (session != null) {
      return ChatService.resume(setup, session);
    }
    return resume ? ChatService.resumeLatestOrStart(setup) : ChatService.start(setup);
  }

  private LineReader reader(Terminal terminal) {
    Path history = home.get().dataDir().resolve("chat_history");
    try {
      Files.createDirectories(history.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create " + history.getParent() + ": " + e.getMessage(), e);
    }
    DefaultParser parser = new DefaultParser();
    parser.setEscapeChars(new char[0]);
    parser.setQuoteChars(new char[0]);
    return LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("localgpt")
        .parser(parser)
        .variable(LineReader.HISTORY_FILE, history)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .build();
  }

  private static String banner(ChatService chat, ChatFactory factory) {
    int chunks = factory.memory().stats().chunks();
    String resumed =
        chat.history().isEmpty()
            ? ""
            : "\nResumed session "
                + chat.sessionId()
                + " ("
                + chat.history().size()
                + " messages).";
    return "LocalGPT v"
        + version()
        + " | Model: "
        + (chat.memoryOnly() ? "none (memory-only)" : chat.model().id())
        + " | Memory: "
        + chunks
        + " chunks | Skills: "
        + chat.skills().ready().size()
        + resumed
        + "\nType /help for commands, Ctrl-C to cancel a reply, Ctrl-D to exit.";
  }

  private static String version() {
    Properties properties = new Properties();
    try (InputStream in =
        ChatCommand.class.getResourceAsStream("/dev/localgpt/cli/version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      return "unknown";
    }
    return properties.getProperty("version", "unknown");
  }
}
