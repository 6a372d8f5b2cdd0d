package dev.localgpt.adapter.providers.http;

import dev.localgpt.ports.llm.ChatResponse;
import java.io.IOException;

/**
 * The plumbing shared by the SSE chat adapters: reads events into a {@link ReplyCollector} until
 * the provider's end event, stops early when the listener cancels, tracks the model name the server
 * reports, checks assembled tool arguments, and maps a broken stream. Subclasses turn one event
 * into reply calls. One instance per call.
 */
public abstract class SseStream {
  protected final ProviderHttp http;
  protected final ReplyCollector reply;
  private String model;

  protected SseStream(ProviderHttp http, ReplyCollector reply, String model) {
    this.http = http;
    this.reply = reply;
    this.model = model;
  }

  /** The model as the server last reported it; the requested one until then. */
  public final String model() {
    return model;
  }

  protected final void model(String reported) {
    model = reported;
  }

  /**
   * Handles one event.
   *
   * @return true when this was the end event
   */
  protected abstract boolean onEvent(SseReader.Event event);

  /** What the provider sends last, named in the error when the stream is cut before it. */
  protected abstract String endMarker();

  /** Reads until the end event; returns false when cancelled first. */
  public final boolean read(SseReader sse) throws IOException {
    SseReader.Event event;
    while ((event = sse.next()) != null) {
      if (reply.cancelled()) {
        return false;
      }
      if (onEvent(event)) {
        return true;
      }
    }
    throw HttpErrors.streamCut(http.provider(), endMarker());
  }

  /**
   * Streams the open call through this reader and closes it; the response's model id is {@code
   * idPrefix/model}.
   *
   * @param url the request URL, for a read failure's message
   * @param cancelledId the model id of a response cancelled by a read failure
   */
  public final ChatResponse respond(
      StreamingCall call, String url, String idPrefix, String cancelledId) {
    try (call) {
      boolean complete = call.source() != null && read(new SseReader(call.source()));
      String answered = idPrefix + "/" + model;
      return complete ? reply.finish(answered) : reply.cancelled(answered);
    } catch (IOException e) {
      if (call.cancelled()) {
        return reply.cancelled(cancelledId);
      }
      throw http.readFailure(url, e);
    }
  }

  /**
   * Hands an assembled tool call to the reply (see {@link ToolCalls#of(String, String, String)}).
   */
  protected final void toolCall(String id, String name, String args) {
    reply.toolCall(ToolCalls.of(id, name, args));
  }
}
