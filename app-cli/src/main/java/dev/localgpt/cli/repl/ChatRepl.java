package dev.localgpt.cli.repl;

import dev.localgpt.cli.TerminalSafeWriter;
import dev.localgpt.cli.commands.ToolProgress;
import dev.localgpt.core.chat.CommandResult;
import dev.localgpt.ports.llm.ModelException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The chat loop: {@code You: } prompt, a trailing {@code \} continues the message on the next line,
 * slash commands through the {@link Conversation} (in this process or on the daemon), replies
 * streamed as they arrive. Ctrl-C cancels the reply being streamed (at the prompt it clears the
 * line); Ctrl-D or {@code /quit} ends the loop.
 */
public final class ChatRepl {
  static final String PROMPT = "You: ";
  static final String CONTINUATION = "...  ";

  private final Terminal terminal;
  private final LineReader reader;
  private final Conversation conversation;
  private final PrintWriter out;

  public ChatRepl(Terminal terminal, LineReader reader, Conversation conversation) {
    this.terminal = terminal;
    this.reader = reader;
    this.conversation = conversation;
    this.out = TerminalSafeWriter.wrap(terminal.writer());
  }

  /** Runs until Ctrl-D or {@code /quit}. */
  public void run() {
    while (true) {
      String line;
      try {
        line = readMessage();
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        break;
      }
      if (line.isBlank()) {
        continue;
      }
      CommandResult result = conversation.command(line);
      switch (result) {
        case CommandResult.Exit exit -> {
          return;
        }
        case CommandResult.Reply reply -> println(reply.text());
        case CommandResult.Send send -> send(send.message());
        case CommandResult.Unknown unknown -> println(unknown.message());
        case CommandResult.Reindex reindex -> println("Reindexing is not available here.");
        case CommandResult.SwitchModel switchModel ->
            println("Switching models is not available here.");
      }
    }
  }

  private String readMessage() {
    StringBuilder message = new StringBuilder();
    String line = reader.readLine(PROMPT);
    while (line.endsWith("\\")) {
      message.append(line, 0, line.length() - 1).append('\n');
      line = reader.readLine(CONTINUATION);
    }
    return message.append(line).toString();
  }

  private void send(String message) {
    AtomicBoolean cancelled = new AtomicBoolean();
    Terminal.SignalHandler previous =
        terminal.handle(Terminal.Signal.INT, signal -> cancelled.set(true));
    ToolProgress progress =
        new ToolProgress(out, out) {
          @Override
          public boolean isCancelled() {
            return cancelled.get();
          }
        };
    try {
      out.println();
      boolean silent = conversation.send(message, progress);
      progress.finish();
      if (cancelled.get()) {
        println("[cancelled]");
      } else if (silent) {
        println("(no reply)");
      }
      out.println();
      out.flush();
    } catch (ModelException e) {
      progress.finish();
      println("error: model provider failed (" + e.kind() + "): " + firstLine(e.getMessage()));
    } catch (RuntimeException e) {
      progress.finish();
      println("error: " + firstLine(e.getMessage()));
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
    }
  }

  private void println(String text) {
    out.println(text);
    out.flush();
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.strip().lines().findFirst().orElse("");
  }
}
