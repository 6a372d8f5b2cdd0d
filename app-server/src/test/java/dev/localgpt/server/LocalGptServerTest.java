package dev.localgpt.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import dev.localgpt.app.wiring.Wiring;
import dev.localgpt.app.wiring.WiringOptions;
import dev.localgpt.core.config.ConfigException;
import dev.localgpt.core.config.ServerConfig;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalGptServerTest {
  private LocalGptServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private Http start(LocalGptServer.Builder builder) {
    server = builder.port(0).build().start();
    return new Http(server.port());
  }

  @Test
  void healthAnswersPlainOkOnAFreePort() {
    Http http = start(LocalGptServer.builder());
    HttpResponse<String> res = http.get("/health");
    assertThat(server.port()).isPositive();
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body()).isEqualTo("OK");
  }

  @Test
  void countsEveryRequestItReceivesAnsweredOrNot() {
    Http http = start(LocalGptServer.builder());
    assertThat(server.requestsReceived()).isZero();
    http.get("/health");
    http.get("/nope");
    http.method("DELETE", "/health");
    assertThat(server.requestsReceived()).isEqualTo(3);
  }

  @Test
  void unknownPathsAndWrongMethodsAreJsonErrors() {
    Http http = start(LocalGptServer.builder());
    HttpResponse<String> missing = http.get("/nope");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(missing.body()).contains("\"code\":\"not_found\"").contains("/nope");
    HttpResponse<String> wrong = http.method("DELETE", "/health");
    assertThat(wrong.statusCode()).isEqualTo(405);
    assertThat(wrong.headers().firstValue("allow")).hasValue("GET");
    assertThat(wrong.body()).contains("\"code\":\"method_not_allowed\"");
  }

  @Test
  void addedServicesAreRoutedAndTheirErrorsMappedInOnePlace() {
    HttpService service =
        (HttpRules rules) ->
            rules
                .get(
                    "/boom",
                    (req, res) -> {
                      throw new IllegalStateException("secret=hunter2 at line 3");
                    })
                .get(
                    "/bad",
                    (req, res) -> {
                      throw ApiException.badRequest("'limit' must be a number");
                    });
    Http http = start(LocalGptServer.builder().service(service));
    HttpResponse<String> boom = http.get("/boom");
    assertThat(boom.statusCode()).isEqualTo(500);
    assertThat(boom.body())
        .contains("internal_error")
        .doesNotContain("hunter2")
        .doesNotContain("at ");
    HttpResponse<String> bad = http.get("/bad");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .isEqualTo(
            "{\"error\":{\"message\":\"'limit' must be a number\",\"type\":"
                + "\"invalid_request_error\",\"param\":null,\"code\":\"bad_request\"}}");
  }

  @Test
  void nonLoopbackBindWithoutTokenIsRefusedWithOneLine() {
    ServerConfig open = new ServerConfig(true, 31_327, "0.0.0.0", Optional.empty());
    assertThatThrownBy(() -> LocalGptServer.builder().config(open).build())
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("server.auth_token")
        .hasMessageContaining("0.0.0.0")
        .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
  }

  @Test
  void stopFreesThePortAndIsIdempotent() {
    start(LocalGptServer.builder());
    assertThat(server.isRunning()).isTrue();
    server.stop();
    server.stop();
    assertThat(server.isRunning()).isFalse();
  }

  @Test
  void aTakenPortIsOneClearError() {
    start(LocalGptServer.builder());
    LocalGptServer second = LocalGptServer.builder().port(server.port()).build();
    assertThatThrownBy(second::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot listen on 127.0.0.1:" + server.port())
        .hasMessageContaining("set server.port");
  }

  @Test
  void serverFromTheInjectorIsBuiltFromTheGraph(@TempDir Path home) {
    Injector injector =
        Wiring.injector(
            WiringOptions.of(
                Map.of("LOCALGPT_HOME", home.toString(), "OLLAMA_HOST", "127.0.0.1:1")));
    LocalGptServer wired = Wiring.get(injector, LocalGptServer.class);
    assertThat(wired.settings().port()).isEqualTo(31_327);
    assertThat(wired.settings().bind()).isEqualTo("127.0.0.1");
    Http http = start(wired.toBuilder());
    assertThat(http.get("/health").body()).isEqualTo("OK");
  }
}
