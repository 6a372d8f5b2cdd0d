package dev.localgpt.adapter.providers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.localgpt.ports.web.WebFetchException;
import dev.localgpt.ports.web.WebFetcher;
import dev.localgpt.ports.web.WebFetcherContract;
import dev.localgpt.ports.web.WebPage;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OkHttpWebFetcherTest {
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static OkHttpWebFetcher.Builder loopbackAllowed() {
    return OkHttpWebFetcher.builder().allowLoopbackForTests(true).timeout(Duration.ofSeconds(5));
  }

  private static MockResponse html(String body) {
    return new MockResponse.Builder()
        .addHeader("Content-Type", "text/html; charset=utf-8")
        .body(body)
        .build();
  }

  @Test
  void extractsTitleAndReadableTextFromHtml() throws Exception {
    server.enqueue(
        html(
            """
        <!doctype html><html><head><title>Tea &amp; Cakes</title>
        <style>body { color: red }</style><script>alert("x < y")</script></head>
        <body><!-- hidden --><h1>Menu</h1><p>Green   tea&nbsp;&mdash; &#163;3 &#x263A;</p>
        <ul><li>Scones</li><li>Cake</li></ul><noscript>enable js</noscript></body></html>"""));
    WebPage page = loopbackAllowed().build().fetch(server.url("/menu").toString());

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.title()).isEqualTo("Tea & Cakes");
    assertThat(page.text()).isEqualTo("Menu\n\nGreen tea — £3 ☺\n\nScones\n\nCake");
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.truncated()).isFalse();
    assertThat(server.takeRequest().getHeaders().get("User-Agent")).startsWith("LocalGPT/");
  }

  @Test
  void cutsTheBodyAtTheSizeCap() {
    server.enqueue(
        new MockResponse.Builder()
            .addHeader("Content-Type", "text/plain")
            .body("x".repeat(10_000))
            .build());
    WebPage page = loopbackAllowed().maxBytes(1000).build().fetch(server.url("/big").toString());
    assertThat(page.truncated()).isTrue();
    assertThat(page.bytesRead()).isEqualTo(1000);
    assertThat(page.text()).hasSize(1000);
  }

  @Test
  void refusesLoopbackWhenTheTestFlagIsOff() {
    server.enqueue(html("<p>secret admin page</p>"));
    OkHttpWebFetcher fetcher = OkHttpWebFetcher.builder().timeout(Duration.ofSeconds(5)).build();
    for (String url :
        List.of(
            server.url("/admin").toString(),
            "http://127.0.0.1:" + server.getPort() + "/admin",
            "http://[::1]:" + server.getPort() + "/")) {
      assertThatThrownBy(() -> fetcher.fetch(url))
          .as(url)
          .isInstanceOf(WebFetchException.class)
          .hasMessageContaining("loopback")
          .extracting(e -> ((WebFetchException) e).kind())
          .isEqualTo(WebFetchException.Kind.REFUSED);
    }
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void checksEveryRedirectHop() {
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/next").build());
    server.enqueue(
        new MockResponse.Builder()
            .code(301)
            .addHeader("Location", "http://169.254.169.254/latest/")
            .build());
    assertThatThrownBy(() -> loopbackAllowed().build().fetch(server.url("/start").toString()))
        .isInstanceOf(WebFetchException.class)
        .hasMessageContaining("169.254.169.254")
        .hasMessageContaining("link-local");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void followsRedirectsToTheFinalPage() {
    server.enqueue(new MockResponse.Builder().code(302).addHeader("Location", "/final").build());
    server.enqueue(html("<title>Final</title><p>done</p>"));
    WebPage page = loopbackAllowed().build().fetch(server.url("/start").toString());
    assertThat(page.url()).endsWith("/final");
    assertThat(page.title()).isEqualTo("Final");
  }

  @Test
  void refusesHostsOutsideTheAllowlistAndNonHttpUrls() {
    OkHttpWebFetcher fetcher = loopbackAllowed().allowedDomains(List.of("example.com")).build();
    assertThatThrownBy(() -> fetcher.fetch(server.url("/").toString()))
        .hasMessageContaining("allowed domains");
    assertThatThrownBy(() -> fetcher.fetch("file:///etc/passwd"))
        .hasMessageContaining("not an http(s) URL");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void returnsErrorStatusesAsPages() {
    server.enqueue(
        new MockResponse.Builder()
            .code(404)
            .addHeader("Content-Type", "text/plain")
            .body("nope")
            .build());
    WebPage page = loopbackAllowed().build().fetch(server.url("/missing").toString());
    assertThat(page.status()).isEqualTo(404);
    assertThat(page.text()).isEqualTo("nope");
  }

  @Test
  void addressPolicyRefusesPrivateRanges() throws Exception {
    AddressPolicy strict = new AddressPolicy(false);
    for (String a :
        List.of(
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "127.0.0.1",
            "0.0.0.0",
            "169.254.169.254",
            "100.64.0.1",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:10.0.0.1")) {
      assertThat(strict.refusal(InetAddress.getByName(a))).as(a).isNotNull();
    }
    for (String a : List.of("93.184.216.34", "1.1.1.1", "2606:4700:4700::1111")) {
      assertThat(strict.refusal(InetAddress.getByName(a))).as(a).isNull();
    }
    assertThat(new AddressPolicy(true).refusal(InetAddress.getByName("127.0.0.1"))).isNull();
  }

  /**
   * The ports' {@link WebFetcherContract} on this fetcher, against the loopback server (allowed for
   * tests).
   */
  @Nested
  class Contract extends WebFetcherContract {
    private final WebFetcher fetcher = loopbackAllowed().build();

    @Override
    protected WebFetcher fetcher() {
      return fetcher;
    }

    @Override
    protected String serve(int status, String title, String text) {
      String html =
          "<!doctype html><html><head><title>"
              + title.replace("&", "&amp;")
              + "</title></head>"
              + "<body><p>"
              + text
              + "</p></body></html>";
      server.enqueue(
          new MockResponse.Builder()
              .code(status)
              .addHeader("Content-Type", "text/html; charset=utf-8")
              .body(html)
              .build());
      return server.url("/page").toString();
    }
  }
}
