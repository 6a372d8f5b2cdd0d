package dev.localgpt.core.agent;

/**
 * Agent loop settings (the lead maps {@code [agent]} of config.toml onto this).
 *
 * @param maxToolSteps model calls per turn, &gt; 0
 * @param maxToolRepeats how often the same tool may be called with the same arguments in one turn,
 *     &gt; 0
 * @param maxToolErrors consecutive failing tool calls before the turn stops, &gt; 0
 * @param maxTokens reply tokens per model call, &gt; 0
 * @param securitySuffix append the security reminder to the last user/tool message of each call
 */
public record AgentSettings(
    int maxToolSteps,
    int maxToolRepeats,
    int maxToolErrors,
    int maxTokens,
    boolean securitySuffix) {

  public static final AgentSettings DEFAULTS = new AgentSettings(25, 3, 3, 4096, true);

  public AgentSettings {
    positive("maxToolSteps", maxToolSteps);
    positive("maxToolRepeats", maxToolRepeats);
    positive("maxToolErrors", maxToolErrors);
    positive("maxTokens", maxTokens);
  }

  public AgentSettings withMaxToolSteps(int steps) {
    return new AgentSettings(steps, maxToolRepeats, maxToolErrors, maxTokens, securitySuffix);
  }

  public AgentSettings withMaxTokens(int tokens) {
    return new AgentSettings(maxToolSteps, maxToolRepeats, maxToolErrors, tokens, securitySuffix);
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException("'" + name + "' must be > 0, was " + value);
    }
  }
}
