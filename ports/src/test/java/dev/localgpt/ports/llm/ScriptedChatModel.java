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
 * A fake {@link ChatModel} that replays scripted replies, streams their text word by word, and
 * records every request it receives. Honours {@link ChatListener#isCancelled()} between deltas.
 */
public final class ScriptedChatModel implements ChatModel {

  /**
   * One scripted reply: text (streamed), tool calls, and a failure thrown after the text (null for
   * none).
   */
  public record Reply(
      String text, List<ToolCall> toolCalls, Usage usage, RuntimeException failure) {
    public Reply {
      text = text == null ? "" : text;
      toolCalls = List.copyOf(toolCalls);
      usage = usage == null ? new Usage(10, 5) : usage;
    }

    public static Reply text(String text) {
      return new Reply(text, List.of(), null, null);
    }

    public static Reply tools(ToolCall... calls) {
      return new Reply("", Arrays.asList(calls), null, null);
    }

    /** Fails at once, before any output (e.g. a {@link ModelException}). */
    public static Reply failing(RuntimeException failure) {
      return new Reply("", List.of(), null, failure);
    }

    /** Streams {@code text}, then fails: output reached the user before the failure. */
    public static Reply failingAfter(String text, RuntimeException failure) {
      return new Reply(text, List.of(), null, failure);
    }

    public static Reply tool(String name, JsonObject arguments) {
      return tools(new ToolCall("call_" + SEQ.incrementAndGet(), name, arguments));
    }

    public Reply withText(String newText) {
      return new Reply(newText, toolCalls, usage, failure);
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

  /** Replies with the text computed from each request. */
  public static ScriptedChatModel answeringText(Function<ChatRequest, String> script) {
    return answering(request -> Reply.text(script.apply(request)));
  }

  /**
   * The same script under another model id, e.g. {@code anthropic/a}; requests are recorded apart.
   */
  public ScriptedChatModel named(String newId) {
    return new ScriptedChatModel(newId, script);
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
        return new ChatResponse(
            sent.toString(), List.of(), reply.usage(), StopReason.CANCELLED, id);
      }
      if (!piece.isEmpty()) {
        listener.onEvent(new ChatEvent.TextDelta(piece));
        sent.append(piece);
      }
    }
    if (reply.failure() != null) {
      throw reply.failure();
    }
    for (ToolCall call : reply.toolCalls()) {
      listener.onEvent(new ChatEvent.ToolCallReady(call));
    }
    StopReason stop = reply.toolCalls().isEmpty() ? StopReason.END_TURN : StopReason.TOOL_USE;
    return new ChatResponse(reply.text(), reply.toolCalls(), reply.usage(), stop, id);
  }
}
