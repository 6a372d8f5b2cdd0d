package dev.localgpt.core.agent;

import dev.localgpt.core.memory.MemoryHit;
import dev.localgpt.core.memory.MemoryHits;
import dev.localgpt.core.memory.MemorySearch;
import dev.localgpt.core.memory.SearchOptions;
import dev.localgpt.ports.llm.ChatEvent;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ChatResponse;
import dev.localgpt.ports.llm.Role;
import dev.localgpt.ports.llm.StopReason;
import dev.localgpt.ports.llm.Usage;
import java.util.List;

/**
 * The model used when no LLM is configured: answers the last user message with the best memory hits
 * (path, lines, snippet) and one line on how to configure a model. Streams its text line by line;
 * never calls tools; needs no network.
 */
public final class MemoryOnlyChatModel implements ChatModel {
  public static final String ID = "memory-only/search";
  public static final String HOW_TO_CONFIGURE =
      "No language model is configured: set agent.default_model in "
          + "config.toml, or export ANTHROPIC_API_KEY or OPENAI_API_KEY, or start Ollama (ollama serve).";
  static final int SNIPPET_CHARS = 300;

  private final MemorySearch search;
  private final int maxHits;

  public MemoryOnlyChatModel(MemorySearch search, int maxHits) {
    if (maxHits <= 0) {
      throw new IllegalArgumentException("'maxHits' must be > 0, was " + maxHits);
    }
    this.search = search;
    this.maxHits = maxHits;
  }

  /**
   * Whether {@code text} is an answer of this model (memory search results), as stored in a
   * session.
   */
  public static boolean isAnswer(String text) {
    return text.strip().endsWith(HOW_TO_CONFIGURE);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public ChatResponse chat(ChatRequest request, ChatListener listener) {
    String question = lastUserText(request.messages());
    String answer = answer(question);
    StringBuilder sent = new StringBuilder();
    for (String line : answer.split("(?<=\n)")) {
      if (listener.isCancelled()) {
        return new ChatResponse(sent.toString(), List.of(), Usage.NONE, StopReason.CANCELLED, ID);
      }
      listener.onEvent(new ChatEvent.TextDelta(line));
      sent.append(line);
    }
    return new ChatResponse(answer, List.of(), Usage.NONE, StopReason.END_TURN, ID);
  }

  private String answer(String question) {
    List<MemoryHit> hits =
        question.isBlank() ? List.of() : search.search(question, SearchOptions.limit(maxHits));
    StringBuilder out = new StringBuilder();
    if (hits.isEmpty()) {
      out.append("Nothing in memory matches that.\n");
    } else {
      out.append("Here is what your memory says (best matches first):\n\n");
      int n = 1;
      for (MemoryHit hit : hits) {
        out.append(MemoryHits.listItem(n++, hit, question, 2, SNIPPET_CHARS)).append('\n');
      }
    }
    return out.append('\n').append(HOW_TO_CONFIGURE).toString();
  }

  /** The user's question: the last user message, without the appended security reminder. */
  private static String lastUserText(List<ChatMessage> messages) {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).role() == Role.USER) {
        String text = messages.get(i).text();
        int reminder = text.indexOf(SecurityReminder.SUFFIX);
        return (reminder >= 0 ? text.substring(0, reminder) : text).strip();
      }
    }
    return "";
  }
}
