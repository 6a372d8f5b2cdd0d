package dev.localgpt.adapter.providers.web;

import dev.localgpt.ports.web.WebFetcher;
import dev.localgpt.ports.web.WebFetcherContract;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The ports' {@link WebFetcherContract} on the OkHttp fetcher, against a loopback server (allowed for tests). */
class OkHttpWebFetcherContractTest extends WebFetcherContract {
  private MockWebServer server;
  private final WebFetcher fetcher =
      OkHttpWebFetcher.builder().allowLoopbackForTests(true).timeout(Duration.ofSeconds(5)).build();

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Override
  protected WebFetcher fetcher() {
    return fetcher;
  }

  @Override
  protected String serve(int status, String title, String text) {
    String html = "<!doctype html><html><head><title>" + title.replace("&", "&amp;") + "</title></head>"
        + "<body><p>" + text + "</p></body></html>";
    server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "text/html; charset=utf-8")
        .body(html).build());
    return server.url("/page").toString();
  }
}
