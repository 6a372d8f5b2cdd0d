package dev.localgpt.cli.repl;

import dev.localgpt.core.chat.ChatStreamListener;
import dev.localgpt.core.chat.CommandResult;

/**
 * What {@link ChatRepl} talks to: a conversation held in this process ({@link LocalConversation})
 * or by the daemon of this home ({@code dev.localgpt.cli.daemon.DaemonConversation}). Called from
 * the REPL's thread only.
 */
public interface Conversation {
  /**
   * What a typed line asks for: a slash command's result, or {@link CommandResult.Send} for a
   * message.
   */
  CommandResult command(String line);

  /**
   * Runs one turn, streaming the reply and tool activity to {@code listener} (which is polled for
   * Ctrl-C).
   *
   * @return whether the reply was silent (the model said nothing to show)
   */
  boolean send(String message, ChatStreamListener listener);
}
