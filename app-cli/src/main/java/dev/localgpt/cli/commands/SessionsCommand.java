package dev.localgpt.cli.commands;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.localgpt.cli.CliContext;
import dev.localgpt.cli.CliException;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.core.session.SessionHistory;
import dev.localgpt.core.session.TranscriptExport;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.session.SessionInfo;
import dev.localgpt.ports.session.SessionStore;
import dev.localgpt.ports.session.SessionTranscript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code localgpt sessions list [--json] | show ID [--json]}. */
@Command(
    name = "sessions",
    description = "List and show stored chat sessions.",
    mixinStandardHelpOptions = true)
public final class SessionsCommand implements Runnable {
  @Inject private CliContext context;
  @Inject private Provider<SessionStore> sessions;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "missing subcommand: list or show");
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Sessions, most recent first.")
  int list(@Option(names = "--json", description = "Print JSON.") boolean json) {
    List<SessionInfo> sessions = store().list();
    if (json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (SessionInfo s : sessions) {
        rows.add(row(s));
      }
      context.printJson(rows);
      return ExitCodes.OK;
    }
    if (sessions.isEmpty()) {
      context.out().println("no sessions yet; start one with 'localgpt chat'");
    }
    for (SessionInfo s : sessions) {
      context
          .out()
          .printf(
              "%s  %s  %3d msgs  %s%n",
              s.id(),
              s.updatedAt().toString().substring(0, 19).replace('T', ' '),
              s.messageCount(),
              s.title());
    }
    return ExitCodes.OK;
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "A session's transcript as Markdown.")
  int show(
      @Parameters(paramLabel = "ID", description = "Session id or a unique prefix.") String id,
      @Option(names = "--json", description = "Print JSON.") boolean json) {
    SessionStore store = store();
    SessionInfo info =
        store
            .find(id)
            .orElseThrow(
                () ->
                    new CliException(
                        "no session '" + id + "'",
                        "list them with 'localgpt sessions list'",
                        ExitCodes.GENERAL));
    SessionTranscript transcript = store.transcript(info.id());
    transcript
        .warning()
        .ifPresent(
            w -> {
              context.err().println("warning: " + w);
              context.err().flush();
            });
    List<ChatMessage> messages = SessionHistory.messages(transcript.entries());
    if (json) {
      Map<String, Object> data = row(info);
      List<Map<String, Object>> out = new ArrayList<>();
      for (ChatMessage m : messages) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", m.role().toString().toLowerCase(java.util.Locale.ROOT));
        message.put("text", m.text());
        if (!m.toolCalls().isEmpty()) {
          message.put(
              "tool_calls",
              m.toolCalls().stream()
                  .map(c -> Map.of("id", c.id(), "name", c.name(), "arguments", c.argumentsJson()))
                  .toList());
        }
        out.add(message);
      }
      data.put("messages", out);
      context.printJson(data);
    } else {
      context.out().print(TranscriptExport.markdown(info.id(), messages));
      context.out().flush();
    }
    return ExitCodes.OK;
  }

  private SessionStore store() {
    return sessions.get();
  }

  private static Map<String, Object> row(SessionInfo s) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", s.id());
    row.put("created", s.createdAt().toString());
    row.put("updated", s.updatedAt().toString());
    row.put("messages", s.messageCount());
    row.put("title", s.title());
    return row;
  }
}
