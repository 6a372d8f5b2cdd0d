package dev.localgpt.adapter.providers.llamacpp;

import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ToolCall;

/**
 * Renders a request as a ChatML prompt (the fallback when the model's template cannot be applied)
 * ({@code <|im_start|>role\n…<|im_end|>}), ending with the assistant turn.
 */
final class ChatMlPrompt {
  static final String END = "<|im_end|>";

  private ChatMlPrompt() {}

  static String render(ChatRequest request) {
    StringBuilder out = new StringBuilder();
    if (!request.system().isEmpty()) {
      turn(out, "system", request.system());
    }
    for (ChatMessage message : request.messages()) {
      switch (message.role()) {
        case USER -> turn(out, "user", message.text());
        case TOOL -> turn(out, "tool", "[" + message.toolName() + " result]\n" + message.text());
        case ASSISTANT -> {
          StringBuilder text = new StringBuilder(message.text());
          for (ToolCall call : message.toolCalls()) {
            text.append("\n[called ")
                .append(call.name())
                .append(' ')
                .append(call.argumentsJson())
                .append(']');
          }
          turn(out, "assistant", text.toString());
        }
      }
    }
    return out.append("<|im_start|>assistant\n").toString();
  }

  /**
   * The conversation as (role, text) pairs of user/assistant turns for the model's own chat
   * template: tool results become labelled user turns, tool calls are written into the assistant
   * text.
   */
  static java.util.List<de.kherud.llama.Pair<String, String>> turns(ChatRequest request) {
    java.util.List<de.kherud.llama.Pair<String, String>> turns = new java.util.ArrayList<>();
    for (ChatMessage message : request.messages()) {
      switch (message.role()) {
        case USER -> turns.add(new de.kherud.llama.Pair<>("user", message.text()));
        case TOOL ->
            turns.add(
                new de.kherud.llama.Pair<>(
                    "user", "[" + message.toolName() + " result]\n" + message.text()));
        case ASSISTANT -> {
          StringBuilder text = new StringBuilder(message.text());
          for (ToolCall call : message.toolCalls()) {
            text.append("\n[called ")
                .append(call.name())
                .append(' ')
                .append(call.argumentsJson())
                .append(']');
          }
          turns.add(new de.kherud.llama.Pair<>("assistant", text.toString()));
        }
      }
    }
    return turns;
  }

  private static void turn(StringBuilder out, String role, String text) {
    out.append("<|im_start|>").append(role).append('\n').append(text).append(END).append('\n');
  }
}
