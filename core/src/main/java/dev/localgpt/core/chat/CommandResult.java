package dev.localgpt.core.chat;

import java.util.Objects;
import java.util.Optional;

/** What a line typed at the chat prompt amounts to; the CLI and the server render or fulfil it. */
public sealed interface CommandResult {

  /** Text to show the user. */
  record Reply(String text) implements CommandResult {
    public Reply {
      Objects.requireNonNull(text, "'text' must not be null");
    }
  }

  /** End the chat ({@code /quit}, {@code /exit}, {@code /q}). */
  record Exit() implements CommandResult {}

  /**
   * Send this text to the model with {@link ChatService#send}: a plain message, or the message a
   * skill command expands to.
   *
   * @param skill the skill invoked, or empty for a plain message
   */
  record Send(String message, Optional<String> skill) implements CommandResult {
    public Send {
      Objects.requireNonNull(message, "'message' must not be null");
      Objects.requireNonNull(skill, "'skill' must not be null");
    }
  }

  /** {@code /reindex} when no {@link Reindexer} was given: the caller rebuilds the memory index. */
  record Reindex() implements CommandResult {}

  /** {@code /model name} when no {@link ModelResolver} was given: the caller switches the model. */
  record SwitchModel(String name) implements CommandResult {
    public SwitchModel {
      Objects.requireNonNull(name, "'name' must not be null");
    }
  }

  /** An unknown command, with the nearest known one when there is a close one. */
  record Unknown(String command, Optional<String> suggestion) implements CommandResult {
    public Unknown {
      Objects.requireNonNull(command, "'command' must not be null");
      Objects.requireNonNull(suggestion, "'suggestion' must not be null");
    }

    /** {@code Unknown command /staus. Did you mean /status? Type /help for the list.} */
    public String message() {
      return "Unknown command /"
          + command
          + "."
          + suggestion.map(s -> " Did you mean /" + s + "?").orElse("")
          + " Type /help for the list.";
    }
  }
}
