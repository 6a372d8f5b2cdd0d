package dev.localgpt.core.agent.tools;

/**
 * Asks the user before a tool listed in {@code tools.require_approval} runs. The REPL asks
 * {@code Execute <tool>? [y/N]}; non-interactive callers deny. Called on the agent's thread; may block.
 */
@FunctionalInterface
public interface ApprovalGate {

  /** Approves everything (tests, trusted callers). */
  ApprovalGate ALLOW_ALL = (tool, detail) -> true;

  /** Denies everything (non-interactive runs). */
  ApprovalGate DENY_ALL = (tool, detail) -> false;

  /** Whether {@code tool} may run with the given detail (command, path or URL). */
  boolean approve(String tool, String detail);
}
