package dev.localgpt.core.session;

import dev.localgpt.core.agent.MemoryOnlyChatModel;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.Role;
import dev.localgpt.ports.llm.ToolCall;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a saved note keeps of one message: what the user and the assistant said, and the names of
 * the tools the assistant called. Retrieved context is left out, because saved notes are indexed
 * and would come back as copies of the notes it was retrieved from: tool results (memory search
 * hits, file contents), untrusted blocks quoted into a message, and the memory-only answers, which
 * are search results themselves.
 */
final class ConversationLines {
  private static final Pattern UNTRUSTED_BLOCK =
      Pattern.compile(
          "<\\s*(tool_output|memory_context|external_content)\\b[^>]*>.*?<\\s*/\\s*\\1\\s*>",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  static final String MEMORY_ANSWER = "(answered with memory search results; not copied here)";

  private ConversationLines() {}

  /** The note line for {@code message}, or empty when it holds nothing of the conversation. */
  static Optional<String> of(ChatMessage message) {
    if (message.role() == Role.TOOL || SessionHistory.isSummary(message)) {
      return Optional.empty();
    }
    if (message.role() == Role.USER) {
      String text = spoken(message.text());
      return text.isEmpty() ? Optional.empty() : Optional.of("**User**: " + text);
    }
    String text =
        MemoryOnlyChatModel.isAnswer(message.text()) ? MEMORY_ANSWER : spoken(message.text());
    String tools =
        message.toolCalls().stream()
            .map(ToolCall::name)
            .distinct()
            .collect(Collectors.joining(", "));
    if (!tools.isEmpty()) {
      text = (text.isEmpty() ? "" : text + " ") + "_(tools: " + tools + ")_";
    }
    return text.isEmpty() ? Optional.empty() : Optional.of("**Assistant**: " + text);
  }

  private static String spoken(String text) {
    return UNTRUSTED_BLOCK.matcher(text).replaceAll("").strip();
  }
}
