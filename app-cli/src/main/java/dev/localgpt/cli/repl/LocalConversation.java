package dev.localgpt.cli.repl;

import dev.localgpt.core.chat.ChatService;
import dev.localgpt.core.chat.ChatStreamListener;
import dev.localgpt.core.chat.CommandResult;
import dev.localgpt.core.chat.SlashCommands;

/** A conversation in this process: the {@link ChatService} and its {@link SlashCommands}. */
public record LocalConversation(ChatService chat, SlashCommands commands) implements Conversation {
  @Override
  public CommandResult command(String line) {
    return commands.handle(line);
  }

  @Override
  public boolean send(String message, ChatStreamListener listener) {
    return chat.send(message, listener).silent();
  }
}
