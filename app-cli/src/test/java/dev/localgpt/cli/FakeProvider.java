package dev.localgpt.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A MockWebServer on 127.0.0.1 replaying provider recordings from {@code
 * src/test/resources/fixtures}.
 */
final class FakeProvider implements AutoCloseable {
  static final String SSE = "text/event-stream";
  static final String NDJSON = "application/x-ndjson";
  static final String JSON = "application/json";

  private final MockWebServer server = new MockWebServer();

  FakeProvider() {
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL without a trailing slash, plus {@code path}. */
  String url(String path) {
    String base = server.url("/").toString();
    return base.substring(0, base.length() - 1) + path;
  }

  static byte[] fixture(String name) {
    try (InputStream in = FakeProvider.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serves a fixture with a status and header pairs ("name", "value", ...). */
  FakeProvider replay(String fixture, int status, String contentType, String... headers) {
    MockResponse.Builder response =
        new MockResponse.Builder()
            .code(status)
            .addHeader("content-type", contentType)
            .body(new Buffer().write(fixture(fixture)));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      response.addHeader(headers[i], headers[i + 1]);
    }
    server.enqueue(response.build());
    return this;
  }

  /**
   * Serves an Anthropic text stream of {@code deltas} "tick " deltas, throttled to about 20 deltas
   * a second, so a test can interrupt it midway.
   */
  FakeProvider slowAnthropicStream(int deltas) {
    StringBuilder body =
        new StringBuilder()
            .append(
                "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_slow\",")
            .append(
                "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":[],")
            .append("\"usage\":{\"input_tokens\":5,\"output_tokens\":1}}}\n\n")
            .append(
                "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,")
            .append("\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
    String delta =
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
            + "\"delta\":{\"type\":\"text_delta\",\"text\":\"tick \"}}\n\n";
    body.append(delta.repeat(deltas))
        .append(
            "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n")
        .append(
            "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":")
        .append("\"end_turn\"},\"usage\":{\"output_tokens\":")
        .append(deltas)
        .append("}}\n\n")
        .append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("content-type", SSE)
            .body(new Buffer().writeUtf8(body.toString()))
            .throttleBody(delta.length(), 50, TimeUnit.MILLISECONDS)
            .build());
    return this;
  }

  /** The next request's body as text. */
  String takeBody() {
    try {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      if (request == null) {
        throw new AssertionError("no request arrived");
      }
      return request.getBody() == null ? "" : request.getBody().utf8();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() {
    server.close();
  }
}
