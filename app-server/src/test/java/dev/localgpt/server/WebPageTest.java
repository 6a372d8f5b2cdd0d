package dev.localgpt.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.config.ServerConfig;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The web page's files as the server serves them; the browser test is {@code WebPageIT}. */
class WebPageTest {
  private static final List<String> FILES =
      List.of("index.html", "app.js", "app.css", "favicon.svg");

  private LocalGptServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private Http start(Optional<String> token) {
    HttpService api = (HttpRules rules) -> rules.get("/api/status", (req, res) -> res.send("{}"));
    server =
        LocalGptServer.builder()
            .config(new ServerConfig(true, 31_327, "127.0.0.1", token))
            .service(api)
            .staticContent(StaticContent.classpath(StaticContent.WEB).orElseThrow())
            .port(0)
            .build()
            .start();
    return new Http(server.port());
  }

  @Test
  void slashServesThePageAndItsScriptStyleAndIconWithTheirTypes() {
    Http http = start(Optional.empty());
    HttpResponse<String> page = http.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(contentType(page)).startsWith("text/html");
    assertThat(page.body())
        .contains("<title>LocalGPT</title>")
        .contains("<script type=\"module\" src=\"app.js\"></script>")
        .contains("<link rel=\"stylesheet\" href=\"app.css\">");
    assertThat(http.get("/index.html").body()).isEqualTo(page.body());

    HttpResponse<String> script = http.get("/app.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(contentType(script)).matches("(text|application)/javascript.*");
    assertThat(script.body()).contains("/api/chat/stream").contains("/api/memory/search");

    HttpResponse<String> style = http.get("/app.css");
    assertThat(style.statusCode()).isEqualTo(200);
    assertThat(contentType(style)).startsWith("text/css");

    HttpResponse<String> icon = http.get("/favicon.svg");
    assertThat(icon.statusCode()).isEqualTo(200);
    assertThat(contentType(icon)).startsWith("image/svg+xml");

    assertThat(http.get("/missing.js").statusCode()).isEqualTo(404);
  }

  @Test
  void withATokenThePageLoadsWithoutOneButTheApiStillNeedsIt() {
    Http http = start(Optional.of("s3cret"));
    assertThat(http.get("/").statusCode()).isEqualTo(200);
    assertThat(http.get("/app.js").statusCode()).isEqualTo(200);
    for (String path :
        List.of("/api/status", "//api/status", "/./api/status", "/%61pi/status", "/health")) {
      assertThat(http.get(path).statusCode()).as(path).isIn(400, 401, 404);
    }
    assertThat(http.method("DELETE", "/").statusCode()).isEqualTo(401);
    assertThat(http.token("s3cret").get("/api/status").statusCode()).isEqualTo(200);
  }

  @Test
  void thePageLoadsNothingFromElsewhereAndNeverInjectsHtml() throws IOException {
    Pattern url =
        Pattern.compile("(src|href|url)\\s*[=(]\\s*[\"']?(https?:)?//", Pattern.CASE_INSENSITIVE);
    for (String file : FILES) {
      String text = resource(file);
      Matcher external = url.matcher(text);
      assertThat(external.find()).as(file + " refers to another host").isFalse();
      assertThat(text)
          .as(file)
          .doesNotContain("@import")
          .doesNotContain("innerHTML")
          .doesNotContain("outerHTML")
          .doesNotContain("insertAdjacentHTML")
          .doesNotContain("document.write")
          .doesNotContain("eval(");
    }
    String html = resource("index.html");
    assertThat(html)
        .as("no inline scripts or styles (CSP)")
        .doesNotContain("<script>")
        .doesNotContain("<style")
        .doesNotContain(" style=")
        .doesNotContain(" onclick=");
    assertThat(html).contains("Content-Security-Policy").contains("default-src 'none'");
  }

  private static String resource(String file) throws IOException {
    try (InputStream in = WebPageTest.class.getClassLoader().getResourceAsStream("web/" + file)) {
      assertThat(in).as("web/" + file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String contentType(HttpResponse<String> res) {
    return res.headers().firstValue("content-type").orElse("");
  }
}
