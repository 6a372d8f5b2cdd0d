package dev.localgpt.server;

import static dev.localgpt.server.OpenAiNodeSdkIT.ANSWER;
import static dev.localgpt.server.OpenAiNodeSdkIT.TOKEN;
import static dev.localgpt.server.OpenAiNodeSdkIT.server;
import static dev.localgpt.server.OpenAiNodeSdkIT.v1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The official OpenAI SDK in a real headless Chromium, on a page of another localhost origin than
 * the API: every call is a cross-origin request whose preflight asks for the SDK's own headers, and
 * the SDK reads {@code x-request-id} from the answers. Skips without Chromium, node's packages.
 */
class OpenAiBrowserSdkIT {
  @TempDir Path home;
  @TempDir Path profile;

  @Test
  void theOpenAiSdkInABrowserPageOnAnotherLocalhostOriginChatsStreamsAndSeesErrors()
      throws Exception {
    HeadlessChromium.assumeInstalled();
    SdkClients.assumeNodePackages("openai");
    Path sdk = SdkClients.dir().resolve("node_modules").resolve("openai");
    String script;
    try (InputStream in =
        OpenAiBrowserSdkIT.class.getResourceAsStream("/openai-clients/browser.js")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    HttpServer page = pageServer(sdk);
    ChromeDriver browser = null;
    JsonNode out;
    try (ServerFixture server = server(home)) {
      browser = HeadlessChromium.start(profile, 800, 600);
      browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
      browser.get("http://localhost:" + page.getAddress().getPort() + "/");
      Object result = browser.executeAsyncScript(script, v1(server), TOKEN);
      out = HttpJson.MAPPER.readTree(String.valueOf(result));
    } finally {
      if (browser != null) {
        browser.quit();
      }
      page.stop(0);
    }
    System.out.println("browser.js saw: " + out.toPrettyString());
    assertThat(out.has("crashed")).as(out.toString()).isFalse();
    assertThat(out.get("content").asText()).isEqualTo(ANSWER);
    assertThat(out.get("requestId").asText()).startsWith("req_");
    assertThat(out.get("streamed").asText()).isEqualTo(ANSWER);
    assertThat(out.at("/badToken/name").asText()).isEqualTo("AuthenticationError");
    assertThat(out.at("/badToken/status").asInt()).isEqualTo(401);
    assertThat(out.at("/badToken/message").asText()).contains("the bearer token is wrong");
    assertThat(out.at("/badToken/requestId").asText()).startsWith("req_");
  }

  /** An empty page at {@code /} and the SDK's files at {@code /openai/}, on a free port. */
  private static HttpServer pageServer(Path sdk) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          if (path.equals("/")) {
            send(
                exchange,
                200,
                "text/html",
                "<!doctype html><title>SDK page</title>".getBytes(StandardCharsets.UTF_8));
            return;
          }
          Path file = sdk.resolve(path.substring(1).replaceFirst("^openai/", "")).normalize();
          if (!path.startsWith("/openai/") || !file.startsWith(sdk) || !Files.isRegularFile(file)) {
            send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            return;
          }
          send(exchange, 200, "text/javascript", Files.readAllBytes(file));
        });
    server.start();
    return server;
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().add("Content-Type", type + "; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length);
    try (var out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
