package dev.localgpt.cli.commands;

import dev.localgpt.app.wiring.ChatFactory;
import dev.localgpt.cli.CliException;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.ports.llm.ChatModel;
import java.util.Optional;

/**
 * Turns a model name that cannot be served ({@code -m} or the config) into a usage error (exit 2).
 */
final class ModelFailures {
  private ModelFailures() {}

  /** The model for {@code -m} (or the configured one); a bad name is a usage error (exit 2). */
  static ChatModel model(ChatFactory factory, String name) {
    try {
      return factory.model(Optional.ofNullable(name));
    } catch (IllegalArgumentException e) {
      throw new CliException(
          e.getMessage(),
          "name a model as provider/model, e.g. anthropic/claude-sonnet-4-5, openai/gpt-4o, ollama/llama3.2",
          ExitCodes.CONFIG);
    }
  }
}
