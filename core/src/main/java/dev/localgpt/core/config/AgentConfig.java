package dev.localgpt.core.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code [agent]}.
 *
 * @param defaultModel the model to chat with, e.g. {@code anthropic/claude-sonnet-4-5} or {@code
 *     ollama/llama3}; empty means "not configured": the model is then chosen by auto-detection of
 *     the available providers
 * @param contextWindow tokens the model can see (default 128000)
 * @param reserveTokens tokens kept free for the reply when budgeting the prompt (default 8000)
 * @param maxTokens the reply limit sent to the provider (default 4096)
 * @param fallbackModels models tried in order when the default one fails with a retriable or
 *     provider error ({@code agent.fallback_models}, may cross providers; default none)
 */
public record AgentConfig(
    String defaultModel,
    int contextWindow,
    int reserveTokens,
    int maxTokens,
    List<String> fallbackModels) {
  public static final AgentConfig DEFAULTS = new AgentConfig("", 128_000, 8_000, 4_096);

  /** Without fallback models. */
  public AgentConfig(String defaultModel, int contextWindow, int reserveTokens, int maxTokens) {
    this(defaultModel, contextWindow, reserveTokens, maxTokens, List.of());
  }

  public AgentConfig {
    Objects.requireNonNull(
        defaultModel, "'defaultModel' must not be null (use \"\" for auto-detect)");
    ConfigChecks.positive("agent.context_window", contextWindow);
    ConfigChecks.atLeast("agent.reserve_tokens", reserveTokens, 0);
    ConfigChecks.positive("agent.max_tokens", maxTokens);
    Objects.requireNonNull(fallbackModels, "'agent.fallback_models' must not be null");
    fallbackModels = fallbackModels.stream().map(String::strip).filter(m -> !m.isEmpty()).toList();
  }

  /** The configured model, or empty when it is to be auto-detected. */
  public Optional<String> model() {
    return defaultModel.isBlank() ? Optional.empty() : Optional.of(defaultModel);
  }
}
