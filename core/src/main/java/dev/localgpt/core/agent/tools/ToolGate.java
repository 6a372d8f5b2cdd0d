package dev.localgpt.core.agent.tools;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a tool call may run. A call needs approval when its tool is listed in {@code
 * tools.require_approval}, or when the turn has taken in untrusted content ({@link TurnTaint}) and
 * the tool writes, runs or reaches the network ({@link ToolEffect#actsOnTheWorld()}) and is not
 * listed in {@code tools.allow_after_untrusted} ({@code "*"} there allows all). Approval comes from
 * the {@link ApprovalGate}: the REPL asks, everything non-interactive refuses. A refusal is an
 * error text for the model saying why and what to do.
 */
public final class ToolGate {
  /**
   * In {@code allowAfterUntrusted}: every tool may act after untrusted content without approval.
   */
  public static final String ALL = "*";

  private final Set<String> requireApproval;
  private final Set<String> allowAfterUntrusted;
  private final ApprovalGate approval;

  public ToolGate(
      Set<String> requireApproval, Set<String> allowAfterUntrusted, ApprovalGate approval) {
    this.requireApproval = Set.copyOf(requireApproval);
    this.allowAfterUntrusted = Set.copyOf(allowAfterUntrusted);
    this.approval = Objects.requireNonNull(approval, "'approval' must not be null");
  }

  /** The gate of {@code settings} with {@code approval}. */
  public static ToolGate of(ToolSettings settings, ApprovalGate approval) {
    return new ToolGate(settings.requireApproval(), settings.allowAfterUntrusted(), approval);
  }

  /**
   * Why {@code tool} needs approval in a turn in state {@code taint}, or empty when it may run
   * without asking.
   */
  public Optional<String> approvalNeeded(String name, ToolEffect effect, TurnTaint taint) {
    if (ToolSettings.matchesAny(requireApproval, name)) {
      return Optional.of(name + " is listed in tools.require_approval");
    }
    if (taint.tainted()
        && effect.actsOnTheWorld()
        && !allowAfterUntrusted.contains(name)
        && !allowAfterUntrusted.contains(ALL)) {
      return Optional.of(
          "this turn has taken in untrusted content (from "
              + taint.source().orElseThrow()
              + ") and "
              + name
              + " "
              + effect.verb());
    }
    return Optional.empty();
  }

  /**
   * Asks when needed; returns the error text for the model when the call must not run, or empty
   * when it may.
   *
   * @param detail the call's detail (path, command or URL) for the prompt
   */
  public Optional<String> refusal(Tool tool, String detail, TurnTaint taint) {
    Optional<String> why = approvalNeeded(tool.name(), tool.effect(), taint);
    if (why.isEmpty()) {
      return Optional.empty();
    }
    String name = tool.name();
    if (!approval.interactive()) {
      boolean listed = ToolSettings.matchesAny(requireApproval, name);
      return Optional.of(
          "Error: "
              + name
              + " was refused: "
              + why.get()
              + ", so it needs the user's approval, and"
              + " nobody can approve it here (no interactive user: daemon, heartbeat, API or one-shot ask). Do not retry"
              + " it; continue without it and tell the user what you would have done."
              + (listed
                  ? ""
                  : " (The user can allow it with tools.allow_after_untrusted = [\""
                      + name
                      + "\"].)"));
    }
    if (approval.approve(name, detail, why.get())) {
      return Optional.empty();
    }
    return Optional.of(
        "Error: the user denied running "
            + name
            + ". Do not retry it; ask the user or continue "
            + "without it.");
  }
}
