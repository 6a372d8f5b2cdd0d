package dev.localgpt.ports.llm;

import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation.
 *
 * @param role who sent it
 * @param text the text; may be empty for an assistant message that only calls tools
 * @param toolCalls tool calls of an assistant message; empty otherwise
 * @param toolCallId for {@link Role#TOOL}: the id of the call this result answers; null otherwise
 * @param toolName for {@link Role#TOOL}: the tool's name; null otherwise
 * @param error for {@link Role#TOOL}: the tool failed and {@code text} says why; false otherwise
 */
public record ChatMessage(
    Role role,
    String text,
    List<ToolCall> toolCalls,
    String toolCallId,
    String toolName,
    boolean error) {
  public ChatMessage {
    Objects.requireNonNull(role, "'role' must not be null");
    text = text == null ? "" : text;
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    if (role == Role.TOOL && (toolCallId == null || toolName == null)) {
      throw new IllegalArgumentException("a TOOL message needs 'toolCallId' and 'toolName'");
    }
    if (role != Role.ASSISTANT && !toolCalls.isEmpty()) {
      throw new IllegalArgumentException("only ASSISTANT messages carry 'toolCalls', was " + role);
    }
    if (role != Role.TOOL && error) {
      throw new IllegalArgumentException("only TOOL messages can be an 'error', was " + role);
    }
  }

  /** A message that is not a failed tool result. */
  public ChatMessage(
      Role role, String text, List<ToolCall> toolCalls, String toolCallId, String toolName) {
    this(role, text, toolCalls, toolCallId, toolName, false);
  }

  public static ChatMessage user(String text) {
    return new ChatMessage(Role.USER, text, List.of(), null, null);
  }

  public static ChatMessage assistant(String text) {
    return new ChatMessage(Role.ASSISTANT, text, List.of(), null, null);
  }

  public static ChatMessage assistant(String text, List<ToolCall> toolCalls) {
    return new ChatMessage(Role.ASSISTANT, text, toolCalls, null, null);
  }

  public static ChatMessage toolResult(ToolCall call, String result) {
    return toolResult(call, result, false);
  }

  /** The result of {@code call}; {@code error} when the tool failed and {@code result} says why. */
  public static ChatMessage toolResult(ToolCall call, String result, boolean error) {
    return new ChatMessage(Role.TOOL, result, List.of(), call.id(), call.name(), error);
  }
}
