package dev.localgpt.cli.commands;

import dev.localgpt.app.wiring.ChatFactory;
import dev.localgpt.cli.CliException;
import dev.localgpt.cli.ExitCodes;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.ModelException;
import java.util.Optional;

/** Turns model problems into one-line CLI errors with a hint and the right exit code. */
final class ModelFailures {
  private ModelFailures() {}

  /** The model for {@code -m} (or the configured one); a bad name is a usage error (exit 2). */
  static ChatModel model(ChatFactory factory, String name) {
    try {
      return factory.model(Optional.ofNullable(name));
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(),
          "name a model as provider/model, e.g. anthropic/claude-sonnet-4-5, openai/gpt-4o, ollama/llama3.2",
          ExitCodes.CONFIG);
    }
  }

  /** A provider failure: exit 3, the provider's message on one line, and what to check. */
  static CliException of(ModelException e) {
    String message = e.getMessage() == null ? e.kind().toString() : e.getMessage().strip().lines().findFirst()
        .orElse("");
    return new CliException("model provider failed (" + e.kind() + "): " + message, hint(e.kind()),
        ExitCodes.PROVIDER);
  }

  static String hint(ModelException.Kind kind) {
    return switch (kind) {
      case AUTH -> "check the API key (providers.<name>.api_key in config.toml, ANTHROPIC_API_KEY, OPENAI_API_KEY)";
      case UNKNOWN_MODEL -> "check the model name (-m or agent.default_model); for Ollama run 'ollama pull <model>'";
      case RATE_LIMITED -> "wait a little and retry, or set agent.fallback_models to another provider";
      case NETWORK, TIMEOUT -> "is the provider reachable? check base_url / endpoint in config.toml";
      case SERVER -> "the provider had a server error; retry later or set agent.fallback_models";
      case NOT_CONFIGURED -> "set agent.default_model in config.toml or export ANTHROPIC_API_KEY / OPENAI_API_KEY";
      default -> "run 'localgpt config check' and try again; LOCALGPT_DEBUG=1 shows details";
    };
  }
}
