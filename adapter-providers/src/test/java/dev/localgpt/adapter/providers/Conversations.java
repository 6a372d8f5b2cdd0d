package dev.localgpt.adapter.providers;

import dev.localgpt.ports.json.JsonObject;
import dev.localgpt.ports.json.JsonValue;
import dev.localgpt.ports.llm.ChatEvent;
import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatMessage;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ToolCall;
import dev.localgpt.ports.llm.ToolSpec;
import java.util.ArrayList;
import java.util.List;

/** Requests and a recording listener shared by the provider tests. */
public final class Conversations {
  public static final ToolSpec WEATHER =
      new ToolSpec(
          "get_weather",
          "Get the current weather for a location",
          JsonObject.builder()
              .put("type", "object")
              .put(
                  "properties",
                  JsonObject.builder().put("location", JsonObject.of("type", "string")).build())
              .put("required", JsonValue.ofStrings(List.of("location")))
              .build());

  private Conversations() {}

  public static ChatRequest hello() {
    return ChatRequest.builder()
        .system("Be brief.")
        .addMessage(ChatMessage.user("Why is the sky blue?"))
        .maxTokens(1024)
        .build();
  }

  /** user → assistant with two tool calls → two tool results → user text. */
  public static ChatRequest withToolResults() {
    ToolCall paris = new ToolCall("call_1", "get_weather", JsonObject.of("location", "Paris"));
    ToolCall tokyo = new ToolCall("call_2", "get_weather", JsonObject.of("location", "Tokyo"));
    return ChatRequest.builder()
        .addMessage(ChatMessage.user("Weather in Paris and Tokyo?"))
        .addMessage(ChatMessage.assistant("Checking.", List.of(paris, tokyo)))
        .addMessage(ChatMessage.toolResult(paris, "18C"))
        .addMessage(ChatMessage.toolResult(tokyo, "22C"))
        .tools(List.of(WEATHER))
        .build();
  }

  /** Records events. */
  public static class Recorder implements ChatListener {
    public final List<ChatEvent> events = new ArrayList<>();
    public int cancelAfterDeltas = Integer.MAX_VALUE;

    @Override
    public void onEvent(ChatEvent event) {
      events.add(event);
    }

    @Override
    public boolean isCancelled() {
      return deltas().size() >= cancelAfterDeltas;
    }

    public List<String> deltas() {
      return events.stream()
          .filter(e -> e instanceof ChatEvent.TextDelta)
          .map(e -> ((ChatEvent.TextDelta) e).text())
          .toList();
    }

    public List<ToolCall> toolCalls() {
      return events.stream()
          .filter(e -> e instanceof ChatEvent.ToolCallReady)
          .map(e -> ((ChatEvent.ToolCallReady) e).call())
          .toList();
    }
  }
}
