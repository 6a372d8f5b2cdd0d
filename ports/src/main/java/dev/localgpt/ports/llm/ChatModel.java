package dev.localgpt.ports.llm;

/**
 * A large language model that answers a {@link ChatRequest}, streaming as it goes.
 *
 * <p>Implementations are thread-safe. {@link #chat} blocks until the reply is complete, calling the
 * listener on the calling thread for each event. Never returns null.
 */
public interface ChatModel {

  /** The model as {@code provider/model}, e.g. {@code anthropic/claude-sonnet-4-5}. */
  String id();

  /** The context window in tokens, as far as known. */
  default int contextWindow() {
    return 128_000;
  }

  /**
   * Runs the request, streaming events to {@code listener}.
   *
   * @throws ModelException on any failure, mapped to a {@link ModelException.Kind}
   */
  ChatResponse chat(ChatRequest request, ChatListener listener);
}
