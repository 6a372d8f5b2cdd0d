package dev.localgpt.core.session;

import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ModelException;
import java.util.List;
import java.util.Optional;

/**
 * One model call over a rendered stretch of history, as compaction and the memory checkpoint make
 * it: the caller's instructions as the system prompt, the turns as one user message. Best effort:
 * no model, or a model failure, gives no reply and the caller falls back to a plain extract.
 */
final class OneShotPrompt {
  private OneShotPrompt() {}

  /**
   * @param model the model, or null in memory-only mode
   * @param system the instructions
   * @param turns the history to show, rendered by {@link SessionHistory#render(List, int)}
   * @param maxToolChars the cut for each rendered tool result
   * @param maxTokens the reply budget
   * @return the reply text, empty when there is no model or it failed
   */
  static Optional<String> ask(
      ChatModel model, String system, List<ChatMessage> turns, int maxToolChars, int maxTokens) {
    if (model == null) {
      return Optional.empty();
    }
    try {
      ChatRequest request =
          ChatRequest.builder()
              .system(system)
              .addMessage(ChatMessage.user(SessionHistory.render(turns, maxToolChars)))
              .maxTokens(maxTokens)
              .build();
      return Optional.of(model.chat(request, ChatListener.IGNORE).text());
    } catch (ModelException e) {
      return Optional.empty();
    }
  }
}
