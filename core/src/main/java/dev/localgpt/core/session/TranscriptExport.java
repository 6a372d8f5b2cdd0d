package dev.localgpt.core.session;

import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ToolCall;
import java.util.List;

/**
 * {@code /export}: a whole session as Markdown, tool calls and results included (results in code
 * fences).
 */
public final class TranscriptExport {
  private TranscriptExport() {}

  public static String markdown(String sessionId, List<ChatMessage> messages) {
    StringBuilder md = new StringBuilder("# Session ").append(sessionId).append("\n\n");
    for (ChatMessage m : messages) {
      switch (m.role()) {
        case USER -> md.append("## User\n\n").append(m.text().strip()).append("\n\n");
        case ASSISTANT -> {
          md.append("## Assistant\n\n");
          if (!m.text().isBlank()) {
            md.append(m.text().strip()).append("\n\n");
          }
          for (ToolCall call : m.toolCalls()) {
            md.append("- tool call `").append(call.name()).append("` ");
            fence(md, "json", call.argumentsJson());
          }
        }
        case TOOL -> {
          md.append("### Tool result: ").append(m.toolName()).append("\n\n");
          fence(md, "", m.text());
        }
      }
    }
    return md.toString().stripTrailing() + "\n";
  }

  /** A fence one backtick longer than any backtick run inside, so content cannot close it. */
  private static void fence(StringBuilder md, String lang, String text) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(Math.max(3, longest + 1));
    md.append('\n').append(fence).append(lang).append('\n').append(text.strip()).append('\n');
    md.append(fence).append("\n\n");
  }
}
