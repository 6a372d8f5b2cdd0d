package dev.localgpt.cli.repl;

import dev.localgpt.core.agent.tools.ApprovalGate;
import java.util.Locale;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/** Asks {@code Execute <tool> (<detail>)? [y/N]} at the terminal; anything but y/yes (or Ctrl-C/Ctrl-D) denies. */
public final class ReplApproval implements ApprovalGate {
  private final LineReader reader;

  public ReplApproval(LineReader reader) {
    this.reader = reader;
  }

  @Override
  public boolean approve(String tool, String detail) {
    String what = detail == null || detail.isBlank() ? "" : " (" + detail.strip().replaceAll("\\s+", " ") + ")";
    try {
      String answer = reader.readLine("\nExecute " + tool + what + "? [y/N] ");
      String a = answer.strip().toLowerCase(Locale.ROOT);
      return a.equals("y") || a.equals("yes");
    } catch (UserInterruptException | EndOfFileException e) {
      return false;
    }
  }
}
