package dev.localgpt.ports.llm;

/**
 * Receives the events of a streaming call, on the calling thread, in order. Also the way to cancel:
 * models check {@link #isCancelled()} between events and stop with {@link StopReason#CANCELLED}.
 */
public interface ChatListener {

  /** A listener that ignores events and never cancels. */
  ChatListener IGNORE = event -> {};

  void onEvent(ChatEvent event);

  default boolean isCancelled() {
    return false;
  }
}
