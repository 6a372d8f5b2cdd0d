package dev.localgpt.ports.llm;

/** Why the model stopped. */
public enum StopReason {
  END_TURN,
  TOOL_USE,
  MAX_TOKENS,
  STOP_SEQUENCE,
  CANCELLED,
  OTHER
}
