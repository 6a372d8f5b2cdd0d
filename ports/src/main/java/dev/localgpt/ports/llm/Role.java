package dev.localgpt.ports.llm;

/**
 * Who a message is from. The system prompt is not a message: it is {@link ChatRequest#system()}.
 */
public enum Role {
  USER,
  ASSISTANT,
  TOOL
}
