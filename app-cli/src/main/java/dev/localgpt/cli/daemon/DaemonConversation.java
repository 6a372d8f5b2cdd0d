package dev.localgpt.cli.daemon;

import dev.localgpt.cli.CliException;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.cli.repl.Conversation;
import dev.localgpt.core.chat.ChatStreamListener;
import dev.localgpt.core.chat.CommandResult;
import dev.localgpt.ports.session.SessionInfo;
import dev.localgpt.ports.session.SessionStore;
import java.util.Optional;

/**
 * A chat whose session lives on the daemon of this home: messages go to {@code POST
 * /api/chat/stream} with the session's id, slash commands to the session routes ({@link
 * DaemonSlashCommands}). The CLI loads no model and no index; it reads only the session files on
 * disk (for {@code -s}, {@code --resume}, {@code /sessions}, {@code /resume}). Tools that need
 * approval are denied by the daemon, as nobody is there to ask.
 */
public final class DaemonConversation implements Conversation {
  private final DaemonClient daemon;
  private final DaemonSlashCommands commands;
  private String sessionId;
  private int resumedMessages;

  private DaemonConversation(DaemonClient daemon, SessionStore store, String sessionId) {
    this.daemon = daemon;
    this.sessionId = sessionId;
    this.commands = new DaemonSlashCommands(this, daemon, store);
  }

  /**
   * Opens the chat's session on the daemon.
   *
   * @param session {@code -s ID} (an id or prefix of a stored session), or null
   * @param resumeLatest {@code --resume}: the most recent stored session, else a new one
   * @param model {@code -m MODEL}, or null for the daemon's default
   * @throws CliException when {@code session} names no stored session
   */
  public static DaemonConversation open(
      DaemonClient daemon, SessionStore store, String session, boolean resumeLatest, String model) {
    Optional<String> id = Optional.empty();
    if (session != null) {
      id =
          Optional.of(
              store
                  .find(session)
                  .map(SessionInfo::id)
                  .orElseThrow(
                      () ->
                          new CliException(
                              "no session matches '" + session + "'",
                              "list them with 'localgpt sessions list'",
                              ExitCodes.CONFIG)));
    } else if (resumeLatest) {
      id = store.latest().map(SessionInfo::id);
    }
    DaemonSessions sessions = daemon.sessions();
    DaemonConversation chat = new DaemonConversation(daemon, store, sessions.open(id).id());
    if (id.isPresent()) {
      chat.resumedMessages = sessions.get(chat.sessionId).messages();
    }
    if (model != null && !model.isBlank()) {
      sessions.switchModel(chat.sessionId, model);
    }
    return chat;
  }

  /** The banner: version, model and memory as the daemon reports them, and where the chat runs. */
  public String banner() {
    DaemonSessions.Status status = daemon.sessions().status();
    String model = daemon.sessions().get(sessionId).model();
    String resumed =
        resumedMessages == 0
            ? ""
            : "\nResumed session " + sessionId + " (" + resumedMessages + " messages).";
    return "LocalGPT v"
        + status.version()
        + " | Model: "
        + model
        + " | Memory: "
        + status.memoryChunks()
        + " chunks | Daemon: "
        + daemon.daemon().baseUrl()
        + resumed
        + "\nType /help for commands, Ctrl-C to cancel a reply, Ctrl-D to exit.";
  }

  /** The daemon's id of the current session. */
  public String sessionId() {
    return sessionId;
  }

  void sessionId(String id) {
    this.sessionId = id;
  }

  @Override
  public CommandResult command(String line) {
    try {
      return commands.handle(line);
    } catch (CliException e) {
      return new CommandResult.Reply(
          "error: " + e.getMessage() + (e.hint().isEmpty() ? "" : "\nhint: " + e.hint()));
    }
  }

  @Override
  public boolean send(String message, ChatStreamListener listener) {
    DaemonChat.Streamed streamed = daemon.chat().stream(sessionId, message, null, listener);
    sessionId = streamed.sessionId();
    return streamed.silent() && !listener.isCancelled();
  }
}
