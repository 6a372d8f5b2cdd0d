package dev.localgpt.core.agent.tools;

/**
 * Asks the user before a tool runs that needs approval: one listed in {@code
 * tools.require_approval}, or one that writes, runs or reaches the network after the turn took in
 * untrusted content (see {@link ToolGate}). The REPL asks {@code Execute <tool>? [y/N]};
 * non-interactive callers (the daemon, the heartbeat, the HTTP API, {@code ask}, the library) use
 * {@link #DENY_ALL}, which nobody answers. Called on the agent's thread; may block.
 */
@FunctionalInterface
public interface ApprovalGate {

  /** Approves everything (tests, trusted callers). */
  ApprovalGate ALLOW_ALL = (tool, detail) -> true;

  /**
   * Denies everything: there is nobody to ask (daemon, heartbeat, HTTP API, {@code ask}, library).
   */
  ApprovalGate DENY_ALL =
      new ApprovalGate() {
        @Override
        public boolean approve(String tool, String detail) {
          return false;
        }

        @Override
        public boolean interactive() {
          return false;
        }
      };

  /** Whether {@code tool} may run with the given detail (command, path or URL). */
  boolean approve(String tool, String detail);

  /**
   * Whether {@code tool} may run; {@code reason} says why approval is needed (e.g. "this turn has
   * read untrusted content from read_file"), for a prompt to show. By default the reason is not
   * shown.
   */
  default boolean approve(String tool, String detail, String reason) {
    return approve(tool, detail);
  }

  /**
   * Whether a person answers (false: every request is refused, and the model is told that nobody
   * could approve).
   */
  default boolean interactive() {
    return true;
  }
}
