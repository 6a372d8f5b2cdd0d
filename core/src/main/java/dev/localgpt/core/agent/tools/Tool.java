package dev.localgpt.core.agent.tools;

import dev.localgpt.ports.llm.ToolSpec;

/**
 * One tool the model may call. Implementations throw {@link ToolException} (or {@link
 * IllegalArgumentException}, {@link dev.localgpt.core.workspace.PathEscapeException}) for failures
 * the model should see; the {@link ToolBox} turns them into error results.
 */
public interface Tool {

  /** Name, description and JSON schema, as offered to the model. */
  ToolSpec spec();

  default String name() {
    return spec().name();
  }

  /** The one-line summary for the system prompt's tool list. */
  default String summary() {
    String d = spec().description();
    int dot = d.indexOf(". ");
    return dot > 0 ? d.substring(0, dot + 1) : d;
  }

  /**
   * What the tool does outside the conversation, for the {@link ToolGate}. Tools that do not say
   * are treated as {@link ToolEffect#RUN}: they need approval after untrusted content, and their
   * output taints the turn.
   */
  default ToolEffect effect() {
    return ToolEffect.RUN;
  }

  /** Which untrusted block the output goes into. */
  default UntrustedBlock.Kind outputKind() {
    return UntrustedBlock.Kind.TOOL_OUTPUT;
  }

  /** A short detail for "Running tool: name (detail)", e.g. the path or command. */
  default String detail(JsonArgs args) {
    return "";
  }

  /** Runs the tool; never returns null. */
  ToolOutcome execute(JsonArgs args);
}
