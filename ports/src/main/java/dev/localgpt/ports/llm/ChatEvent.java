package dev.localgpt.ports.llm;

/** Something a streaming model call reports while it runs. */
public sealed interface ChatEvent {

  /** A piece of the reply text, in order. */
  record TextDelta(String text) implements ChatEvent {}

  /** A complete tool call (arguments fully assembled). */
  record ToolCallReady(ToolCall call) implements ChatEvent {}

  /** A one-line note for the user, e.g. "anthropic/x is rate limited; using ollama/y". */
  record Notice(String message) implements ChatEvent {}
}
