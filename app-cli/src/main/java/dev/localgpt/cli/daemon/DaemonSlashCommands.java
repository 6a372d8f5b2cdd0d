package dev.localgpt.cli.daemon;

import dev.localgpt.core.chat.CommandResult;
import dev.localgpt.core.chat.CommandTexts;
import dev.localgpt.core.chat.SlashCommandLine;
import dev.localgpt.ports.session.SessionInfo;
import dev.localgpt.ports.session.SessionStore;
import java.util.List;
import java.util.Optional;

/**
 * The chat's slash commands when the session lives on the daemon: each one that the daemon's API
 * offers goes through it; {@code /context}, {@code /skills}, {@code /export} and skill commands say
 * that they are local-only.
 */
final class DaemonSlashCommands {
  static final int SESSIONS_SHOWN = 10;
  static final int MEMORY_HITS = 10;
  static final String HELP =
      """
      Commands (this chat runs on the daemon):
        /help, /h, /?        show this help
        /quit, /exit, /q     leave the chat
        /new                 start a new session
        /sessions            list recent sessions
        /resume <id-prefix>  continue a stored session
        /memory <query>      search memory
        /reindex             bring the memory index up to date
        /status              model, session and token usage
        /model [name]        show or switch the model (provider/model)
        /compact             checkpoint and summarise older turns now
        /clear               clear the history (new session, nothing saved)
      Local-only (run 'localgpt chat --local'): /context, /skills, /export, skill commands, saving to memory on /new.""";

  private final DaemonConversation chat;
  private final DaemonClient daemon;
  private final SessionStore store;

  DaemonSlashCommands(DaemonConversation chat, DaemonClient daemon, SessionStore store) {
    this.chat = chat;
    this.daemon = daemon;
    this.store = store;
  }

  /**
   * What the line asks for; the daemon's refusals come as {@link dev.localgpt.cli.CliException}.
   */
  CommandResult handle(String line) {
    Optional<SlashCommandLine> command = SlashCommandLine.parse(line);
    if (command.isEmpty()) {
      return new CommandResult.Send(line, Optional.empty());
    }
    String name = command.get().name();
    String args = command.get().args();
    DaemonSessions sessions = daemon.sessions();
    String id = chat.sessionId();
    return switch (name) {
      case "help", "h", "?" -> reply(HELP);
      case "quit", "exit", "q" -> new CommandResult.Exit();
      case "new" -> {
        chat.sessionId(sessions.open(Optional.empty()).id());
        yield reply(
            "New session "
                + SlashCommandLine.shortId(chat.sessionId())
                + " (the last one was not saved to memory: that"
                + " is local-only).");
      }
      case "sessions" -> reply(sessionList());
      case "resume" -> resume(args);
      case "memory" ->
          args.isEmpty()
              ? reply("Usage: /memory <query>")
              : reply(
                  CommandTexts.memory(args, daemon.search(args, MEMORY_HITS, null, false).hits()));
      case "reindex" -> reply(sessions.reindex());
      case "status" -> {
        DaemonSessions.Session s = sessions.get(id);
        yield reply(
            "Session: "
                + s.id()
                + "\nModel: "
                + s.model()
                + "\nMessages: "
                + s.messages()
                + "\nContext: "
                + s.tokens()
                + " tokens\nDaemon: "
                + daemon.daemon().baseUrl());
      }
      case "model" ->
          args.isEmpty()
              ? reply("Model: " + sessions.get(id).model())
              : reply("Switched to " + sessions.switchModel(id, args) + ".");
      case "compact" -> {
        DaemonSessions.Compaction c = sessions.compact(id);
        yield reply(
            c.compacted()
                ? "Compacted: " + c.tokensBefore() + " → " + c.tokensAfter() + " tokens."
                : "Nothing to compact" + (c.reason().isEmpty() ? "." : ": " + c.reason()));
      }
      case "clear" -> {
        chat.sessionId(sessions.clear(id));
        yield reply(
            "History cleared. New session " + SlashCommandLine.shortId(chat.sessionId()) + ".");
      }
      case "context", "skills", "export" ->
          reply(
              "/"
                  + name
                  + " is local-only: this chat runs on the daemon at "
                  + daemon.daemon().baseUrl()
                  + "; use it in 'localgpt chat --local'.");
      default ->
          reply(
              "Unknown command /"
                  + name
                  + ". Skill commands are local-only ('localgpt chat --local')."
                  + " Type /help for the list.");
    };
  }

  private CommandResult resume(String prefix) {
    if (prefix.isEmpty()) {
      return reply("Usage: /resume <id-prefix> (see /sessions)");
    }
    Optional<SessionInfo> found = store.find(prefix);
    if (found.isEmpty()) {
      return reply("No session matches '" + prefix + "' (see /sessions).");
    }
    DaemonSessions.Session session = daemon.sessions().open(Optional.of(found.get().id()));
    chat.sessionId(session.id());
    return reply(
        "Resumed session "
            + session.id()
            + " ("
            + daemon.sessions().get(session.id()).messages()
            + " messages in context).");
  }

  private String sessionList() {
    List<SessionInfo> all = store.list();
    return CommandTexts.sessions(
        all.subList(0, Math.min(SESSIONS_SHOWN, all.size())), chat.sessionId());
  }

  private static CommandResult reply(String text) {
    return new CommandResult.Reply(text);
  }
}
