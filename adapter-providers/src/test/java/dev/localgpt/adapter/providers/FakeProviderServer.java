package dev.localgpt.adapter.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * A MockWebServer on 127.0.0.1 that replays the byte-exact fixtures from {@code
 * src/test/resources/fixtures}.
 */
public final class FakeProviderServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MockWebServer server = new MockWebServer();

  public FakeProviderServer() {
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL, without a trailing slash, plus {@code path}. */
  public String url(String path) {
    String base = server.url("/").toString();
    return base.substring(0, base.length() - 1) + path;
  }

  public static byte[] fixture(String name) {
    try (InputStream in = FakeProviderServer.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serves a fixture file as the body, with a status and header pairs ("name", "value", ...). */
  public void replay(String fixture, int status, String contentType, String... headers) {
    replayBytes(fixture(fixture), status, contentType, headers);
  }

  /** Serves the first {@code fraction} of a fixture: a stream cut in the middle. */
  public void replayCut(String fixture, double fraction, String contentType) {
    byte[] all = fixture(fixture);
    byte[] part = java.util.Arrays.copyOf(all, (int) (all.length * fraction));
    replayBytes(part, 200, contentType);
  }

  public void replayBytes(byte[] body, int status, String contentType, String... headers) {
    MockResponse.Builder response =
        new MockResponse.Builder()
            .code(status)
            .addHeader("content-type", contentType)
            .body(new Buffer().write(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      response.addHeader(headers[i], headers[i + 1]);
    }
    server.enqueue(response.build());
  }

  /**
   * Serves a fixture, sending the first part and then stalling for {@code stallMillis} mid-body.
   */
  public void replayStalled(String fixture, String contentType, long stallMillis) {
    byte[] all = fixture(fixture);
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("content-type", contentType)
            .body(new Buffer().write(all))
            .throttleBody(all.length / 2, stallMillis, TimeUnit.MILLISECONDS)
            .build());
  }

  public RecordedRequest take() {
    try {
      RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
      if (request == null) {
        throw new AssertionError("no request arrived");
      }
      return request;
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode json(RecordedRequest request) {
    try {
      return JSON.readTree(request.getBody().utf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() {
    server.close();
  }
}
