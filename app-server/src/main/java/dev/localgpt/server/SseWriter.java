package dev.localgpt.server;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Server-sent events written by hand, so the wire format is exact: {@code data: <json>\n\n} per
 * event, flushed at once. When the client goes away the writer turns {@link #closed()} and further
 * events are dropped (the chat polls it to stop the turn). Not thread-safe: one writer per request
 * thread.
 */
public final class SseWriter implements AutoCloseable {
  private final OutputStream out;
  private boolean closed;

  private SseWriter(OutputStream out) {
    this.out = out;
  }

  /** Sets the SSE headers and opens the stream. */
  public static SseWriter open(ServerResponse res) {
    res.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    res.header(HeaderNames.CACHE_CONTROL, "no-cache");
    res.header("X-Accel-Buffering", "no");
    return new SseWriter(res.outputStream());
  }

  /** Sends {@code value} as JSON in one {@code data:} event. */
  public void json(Object value) {
    data(HttpJson.text(value));
  }

  /** Sends one {@code data:} event (a single line). */
  public void data(String line) {
    write("data: " + line + "\n\n");
  }

  private void write(String text) {
    if (closed) {
      return;
    }
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException | RuntimeException e) {
      closed = true;
    }
  }

  /**
   * Sends a comment line ({@code : text}), which clients ignore: a keep-alive that also notices a
   * gone client.
   */
  public void comment(String text) {
    write(": " + text + "\n\n");
  }

  /** Sends {@code data: [DONE]}. */
  public void done() {
    data("[DONE]");
  }

  /** Whether the client went away. */
  public boolean closed() {
    return closed;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException | RuntimeException e) {
      closed = true;
    }
  }
}
