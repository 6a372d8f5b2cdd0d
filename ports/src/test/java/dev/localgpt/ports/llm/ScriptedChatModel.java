package dev.localgpt.ports.llm;

import dev.localgpt.ports.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fake {@link ChatModel} that replays scripted replies, streams their text word by word, and records every
 * request it receives. Honours {@link ChatListener#isCancelled()} between deltas.
 */
public final class ScriptedChatModel implements ChatModel {

  /** One scripted reply: text (streamed) and tool calls. */
  public record Reply(String text, List<ToolCall> toolCalls, Usage usage) {
    public Reply {
      text = text == null ? "" : text;
      toolCalls = List.copyOf(toolCalls);
      usage = usage == null ? new Usage(10, 5) : usage;
    }

    public static Reply text(String text) {
      return new Reply(text, List.of(), null);
    }

    public static Reply tools(ToolCall... calls) {
      return new Reply("", Arrays.asList(calls), null);
    }

    public static Reply tool(String name, JsonObject arguments) {
      return tools(new ToolCall("call_" + SEQ.incrementAndGet(), name, arguments));
    }

    public Reply withText(String newText) {
      return new Reply(newText, toolCalls, usage);
    }
  }

  private static final AtomicInteger SEQ = new AtomicInteger();

  private final Function<ChatRequest, Reply> script;
  private final List<ChatRequest> requests = new ArrayList<>();
  private final String id;

  private ScriptedChatModel(String id, Function<ChatRequest, Reply> script) {
    this.id = id;
    this.script = script;
  }

  /** Replies in order; a call after the last reply fails with an {@link IllegalStateException}. */
  public static ScriptedChatModel replying(Reply... replies) {
    Deque<Reply> queue = new ArrayDeque<>(Arrays.asList(replies));
    return new ScriptedChatModel(
        "scripted/fake",
        request -> {
          if (queue.isEmpty()) {
            throw new IllegalStateException("ScriptedChatModel: no scripted reply left");
          }
          return queue.poll();
        });
  }

  /** Computes each reply from the request. */
  public static ScriptedChatModel answering(Function<ChatRequest, Reply> script) {
    return new ScriptedChatModel("scripted/fake", script);
  }

  /** Every request received, oldest first. */
  public synchronized List<ChatRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public synchronized ChatResponse chat(ChatRequest request, ChatListener listener) {
    requests.add(request);
    Reply reply = script.apply(request);
    StringBuilder sent = new StringBuilder();
    for (String piece : reply.text().split("(?<= )")) {
      if (listener.isCancelled()) {
        return new ChatResponse(sent.toString(), List.of(), reply.usage(), StopReason.CANCELLED, id);
      }
      if (!piece.isEmpty()) {
        listener.onEvent(new ChatEvent.TextDelta(piece));
        sent.append(piece);
      }
    }
    for (ToolCall call : reply.toolCalls()) {
      listener.onEvent(new ChatEvent.ToolCallReady(call));
    }
    StopReason stop = reply.toolCalls().isEmpty() ? StopReason.END_TURN : StopReason.TOOL_USE;
    return new ChatResponse(reply.text(), reply.toolCalls(), reply.usage(), stop, id);
  }
}
