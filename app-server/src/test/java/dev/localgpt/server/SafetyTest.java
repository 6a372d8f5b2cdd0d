package dev.localgpt.server;

import static dev.localgpt.server.ChatApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.core.config.ServerConfig;
import dev.localgpt.ports.llm.ScriptedChatModel;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetyTest {
  @TempDir Path home;

  @Test
  void withATokenEveryRequestNeedsTheBearerToken() throws Exception {
    try (ServerFixture server = ServerFixture.startWithToken(home, "s3cret")) {
      Http http = server.http;
      assertError(http.get("/api/status"), 401, "needs a bearer token");
      assertThat(http.get("/api/status").body()).doesNotContain("s3cret");
      assertError(http.get("/health"), 401, "bearer token");
      assertError(
          http.send(http.request("/api/status").header("Authorization", "Basic czNjcmV0").build()),
          401,
          "must be 'Bearer");
      assertError(
          new Http(server.server.port()).token("s3cret-not").get("/api/status"), 401, "wrong");
      HttpResponse<String> ok = new Http(server.server.port()).token("s3cret").get("/api/status");
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).contains("\"model\":\"scripted/fake\"");
    }
  }

  @Test
  void aNonLoopbackBindNeedsAToken() {
    ServerConfig open = new ServerConfig(true, 31_327, "0.0.0.0", Optional.of("s3cret"));
    assertThat(LocalGptServer.builder().config(open).build().settings().bind())
        .isEqualTo("0.0.0.0");
    assertThat(LocalGptServer.isLoopback("127.0.0.1")).isTrue();
    assertThat(LocalGptServer.isLoopback("localhost")).isTrue();
    assertThat(LocalGptServer.isLoopback("::1")).isTrue();
    assertThat(LocalGptServer.isLoopback("0.0.0.0")).isFalse();
    assertThat(LocalGptServer.isLoopback("192.168.1.10")).isFalse();
  }

  @Test
  void rateLimitAnswers429WithRetryAfterAndSparesHealth() throws Exception {
    try (ServerFixture server =
        ServerFixture.start(
            home,
            ScriptedChatModel.replying(),
            "",
            b -> b.limits(ServerLimits.DEFAULTS.withRate(60, 3)))) {
      Http http = server.http;
      for (int i = 0; i < 3; i++) {
        assertThat(http.get("/api/memory/stats").statusCode()).isEqualTo(200);
      }
      HttpResponse<String> limited = http.get("/api/memory/stats");
      assertError(limited, 429, "too many requests");
      assertThat(limited.headers().firstValue("retry-after"))
          .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
      for (int i = 0; i < 20; i++) {
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void hugeBodiesAre413WithOrWithoutContentLength() throws Exception {
    try (ServerFixture server = ServerFixture.start(home, ScriptedChatModel.replying())) {
      Http http = server.http;
      String huge = "{\"message\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
      assertError(http.post("/api/chat", huge), 413, "over 10 MB");
    }
    try (ServerFixture small =
        ServerFixture.start(
            home,
            ScriptedChatModel.replying(),
            "",
            b -> b.limits(ServerLimits.DEFAULTS.withoutRateLimit().withMaxBodyBytes(1000)))) {
      byte[] body = ("{\"message\":\"" + "y".repeat(5000) + "\"}").getBytes();
      HttpRequest chunked =
          small
              .http
              .request("/api/chat")
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
              .build();
      assertError(small.http.send(chunked), 413, "request body is over");
    }
  }

  @Test
  void corsAllowsLocalhostOriginsOnlyAndAnswersPreflights() throws Exception {
    try (ServerFixture server = ServerFixture.start(home, ScriptedChatModel.replying())) {
      Http http = server.http;
      HttpResponse<String> local =
          http.send(
              http.request("/api/memory/stats").header("Origin", "http://localhost:5173").build());
      assertThat(local.statusCode()).isEqualTo(200);
      assertThat(local.headers().firstValue("access-control-allow-origin"))
          .hasValue("http://localhost:5173");
      HttpResponse<String> evil =
          http.send(
              http.request("/api/memory/stats").header("Origin", "https://evil.example").build());
      assertError(evil, 403, "origin https://evil.example may not use this server");
      assertThat(evil.headers().firstValue("access-control-allow-origin")).isEmpty();
      HttpResponse<String> preflight =
          http.send(
              http.request("/api/chat")
                  .header("Origin", "http://127.0.0.1:8080")
                  .header("Access-Control-Request-Method", "POST")
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .build());
      assertThat(preflight.statusCode()).isEqualTo(204);
      assertThat(preflight.headers().firstValue("access-control-allow-methods"))
          .hasValueSatisfying(v -> assertThat(v).contains("POST"));
      assertThat(preflight.headers().firstValue("access-control-allow-headers"))
          .hasValueSatisfying(v -> assertThat(v).contains("Authorization"));
    }
  }

  @Test
  void corsAlsoAllowsTheOriginsOfServerCorsOrigins() throws Exception {
    try (ServerFixture server =
        ServerFixture.start(
            home,
            ScriptedChatModel.replying(),
            "[server]\ncors_origins = [\"https://notes.example.com\"]\n",
            b -> b.limits(b.build().settings().limits().withoutRateLimit()))) {
      Http http = server.http;
      HttpResponse<String> listed =
          http.send(
              http.request("/api/memory/stats")
                  .header("Origin", "https://notes.example.com")
                  .build());
      assertThat(listed.statusCode()).isEqualTo(200);
      assertThat(listed.headers().firstValue("access-control-allow-origin"))
          .hasValue("https://notes.example.com");
      assertError(
          http.send(
              http.request("/api/memory/stats")
                  .header("Origin", "https://notes.example.com:8443")
                  .build()),
          403,
          "add it to server.cors_origins");
      assertThat(
              http.send(
                      http.request("/api/memory/stats")
                          .header("Origin", "http://localhost:5173")
                          .build())
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void theBuilderTakesCorsOriginsAndAllowedHostsFromTheConfig() {
    ServerConfig config =
        new ServerConfig(
            true,
            31_327,
            "127.0.0.1",
            Optional.empty(),
            List.of("https://notes.example.com"),
            List.of("mybox.lan"));
    ServerSettings settings = LocalGptServer.builder().config(config).build().settings();
    assertThat(settings.limits().corsOrigins()).containsExactly("https://notes.example.com");
    assertThat(settings.allowedHosts()).containsExactly("mybox.lan");
    assertThat(ServerSettings.from(config).limits().corsOrigins())
        .containsExactly("https://notes.example.com");
  }
}
