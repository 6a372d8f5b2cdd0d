package dev.localgpt.cli.repl;

import dev.localgpt.core.agent.tools.ApprovalGate;
import java.util.Locale;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/**
 * Asks {@code Execute <tool> (<detail>)? [y/N]} at the terminal, after a line saying why approval
 * is needed (listed in {@code tools.require_approval}, or the turn took in untrusted content);
 * anything but y/yes (or Ctrl-C/Ctrl-D) denies.
 */
public final class ReplApproval implements ApprovalGate {
  private final LineReader reader;

  public ReplApproval(LineReader reader) {
    this.reader = reader;
  }

  @Override
  public boolean approve(String tool, String detail) {
    return ask("\nExecute " + tool + what(detail) + "? [y/N] ");
  }

  @Override
  public boolean approve(String tool, String detail, String reason) {
    String why =
        reason == null || reason.isBlank() ? "" : "\nNeeds your approval: " + reason.strip() + ".";
    return ask(why + "\nExecute " + tool + what(detail) + "? [y/N] ");
  }

  private static String what(String detail) {
    return detail == null || detail.isBlank()
        ? ""
        : " (" + detail.strip().replaceAll("\\s+", " ") + ")";
  }

  private boolean ask(String prompt) {
    try {
      String answer = reader.readLine(prompt);
      String a = answer.strip().toLowerCase(Locale.ROOT);
      return a.equals("y") || a.equals("yes");
    } catch (UserInterruptException | EndOfFileException e) {
      return false;
    }
  }
}
