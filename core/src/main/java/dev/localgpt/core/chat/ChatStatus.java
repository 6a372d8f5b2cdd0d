package dev.localgpt.core.chat;

import java.util.Objects;

/**
 * What {@code /status} shows.
 *
 * @param model the current model ({@code provider/model})
 * @param memoryOnly whether chat answers from memory only (no model configured)
 * @param sessionId the current session
 * @param messageCount messages in the session transcript (user, assistant and tool)
 * @param context how full the context is
 * @param skills ready skills
 * @param shell the bash tool: {@code off}, or whether it is sandboxed
 */
public record ChatStatus(
    String model,
    boolean memoryOnly,
    String sessionId,
    int messageCount,
    ContextUsage context,
    int skills,
    String shell) {
  public ChatStatus {
    Objects.requireNonNull(model, "'model' must not be null");
    Objects.requireNonNull(sessionId, "'sessionId' must not be null");
    Objects.requireNonNull(context, "'context' must not be null");
    shell = shell == null ? "off" : shell;
  }

  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("Model: ")
        .append(memoryOnly ? "none (memory-only: no language model configured)" : model)
        .append('\n');
    out.append("Session: ").append(sessionId).append('\n');
    out.append("Messages: ").append(messageCount).append('\n');
    out.append("Skills: ").append(skills).append('\n');
    out.append("Shell: ").append(shell).append('\n');
    out.append("Tokens: ").append(context.summary());
    if (context.warning()) {
      out.append("\nWarning: the context is over 80% full; use /compact or /new.");
    }
    return out.toString();
  }
}
