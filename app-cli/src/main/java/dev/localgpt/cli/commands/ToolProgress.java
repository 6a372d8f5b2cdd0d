package dev.localgpt.cli.commands;

import dev.localgpt.core.chat.ChatStreamListener;
import java.io.PrintWriter;

/**
 * Streams a reply: text to {@code out} as it arrives, tool activity ({@code > Running tool: name
 * (detail) ... Done.}) and notices to {@code err}.
 */
public class ToolProgress implements ChatStreamListener {
  private final PrintWriter out;
  private final PrintWriter err;
  private boolean textOpen;

  public ToolProgress(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public void onText(String delta) {
    out.print(delta);
    out.flush();
    textOpen = !delta.endsWith("\n");
  }

  @Override
  public void onToolStart(String tool, String detail) {
    endTextLine();
    err.print(
        "> Running tool: "
            + tool
            + (detail == null || detail.isBlank() ? "" : " (" + oneLine(detail) + ")")
            + " ...");
    err.flush();
  }

  @Override
  public void onToolEnd(String tool, boolean error) {
    err.println(error ? " Failed." : " Done.");
    err.flush();
  }

  @Override
  public void onNotice(String message) {
    endTextLine();
    err.println("note: " + message);
    err.flush();
  }

  /** Ends the reply with a newline if the text did not. */
  public void finish() {
    endTextLine();
  }

  private void endTextLine() {
    if (textOpen) {
      out.println();
      out.flush();
      textOpen = false;
    }
  }

  private static String oneLine(String s) {
    String flat = s.replaceAll("\\s+", " ").strip();
    return flat.length() <= 80 ? flat : flat.substring(0, 77) + "...";
  }
}
