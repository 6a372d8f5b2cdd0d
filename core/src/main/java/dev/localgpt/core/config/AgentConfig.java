package dev.localgpt.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code [agent]}.
 *
 * @param defaultModel the model to chat with, e.g. {@code anthropic/claude-sonnet-4-5} or {@code ollama/llama3}; empty
 *     means "not configured": the model is then chosen by auto-detection of the available providers
 * @param contextWindow tokens the model can see (default 128000)
 * @param reserveTokens tokens kept free for the reply when budgeting the prompt (default 8000)
 * @param maxTokens the reply limit sent to the provider (default 4096)
 */
public record AgentConfig(String defaultModel, int contextWindow, int reserveTokens, int maxTokens) {
  public static final AgentConfig DEFAULTS = new AgentConfig("", 128_000, 8_000, 4_096);

  public AgentConfig {
    Objects.requireNonNull(defaultModel, "'defaultModel' must not be null (use \"\" for auto-detect)");
    ConfigChecks.positive("agent.context_window", contextWindow);
    ConfigChecks.atLeast("agent.reserve_tokens", reserveTokens, 0);
    ConfigChecks.positive("agent.max_tokens", maxTokens);
  }

  /** The configured model, or empty when it is to be auto-detected. */
  public Optional<String> model() {
    return defaultModel.isBlank() ? Optional.empty() : Optional.of(defaultModel);
  }
}
