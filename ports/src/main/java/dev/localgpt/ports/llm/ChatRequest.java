package dev.localgpt.ports.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to send to a model. Build with {@link #builder()}.
 *
 * @param system the system prompt; empty for none
 * @param messages the conversation, oldest first; not empty
 * @param tools tools the model may call
 * @param maxTokens upper bound of reply tokens, &gt; 0
 * @param temperature sampling temperature, or null for the provider's default
 * @param stopSequences extra stop sequences
 */
public record ChatRequest(
    String system,
    List<ChatMessage> messages,
    List<ToolSpec> tools,
    int maxTokens,
    Double temperature,
    List<String> stopSequences) {

  public ChatRequest {
    system = system == null ? "" : system;
    messages = List.copyOf(messages);
    tools = List.copyOf(tools);
    stopSequences = List.copyOf(stopSequences);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("'messages' must not be empty");
    }
    if (maxTokens <= 0) {
      throw new IllegalArgumentException("'maxTokens' must be > 0, was " + maxTokens);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .system(system)
        .messages(messages)
        .tools(tools)
        .maxTokens(maxTokens)
        .temperature(temperature)
        .stopSequences(stopSequences);
  }

  /** Builder for {@link ChatRequest}; {@code maxTokens} defaults to 4096. */
  public static final class Builder {
    private String system = "";
    private final List<ChatMessage> messages = new ArrayList<>();
    private List<ToolSpec> tools = List.of();
    private int maxTokens = 4096;
    private Double temperature;
    private List<String> stopSequences = List.of();

    private Builder() {}

    public Builder system(String system) {
      this.system = system;
      return this;
    }

    public Builder messages(List<ChatMessage> messages) {
      this.messages.clear();
      this.messages.addAll(messages);
      return this;
    }

    public Builder addMessage(ChatMessage message) {
      messages.add(Objects.requireNonNull(message, "'message' must not be null"));
      return this;
    }

    public Builder tools(List<ToolSpec> tools) {
      this.tools = tools;
      return this;
    }

    public Builder maxTokens(int maxTokens) {
      this.maxTokens = maxTokens;
      return this;
    }

    public Builder temperature(Double temperature) {
      this.temperature = temperature;
      return this;
    }

    public Builder stopSequences(List<String> stopSequences) {
      this.stopSequences = stopSequences;
      return this;
    }

    public ChatRequest build() {
      return new ChatRequest(system, messages, tools, maxTokens, temperature, stopSequences);
    }
  }
}
