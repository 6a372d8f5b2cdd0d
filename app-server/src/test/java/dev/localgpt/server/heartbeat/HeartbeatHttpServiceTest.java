package dev.localgpt.server.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.localgpt.app.heartbeat.JsonHeartbeatStore;
import dev.localgpt.app.heartbeat.JsonlHeartbeatLog;
import dev.localgpt.core.agent.AgentResult;
import dev.localgpt.core.chat.TurnResult;
import dev.localgpt.core.config.HeartbeatConfig;
import dev.localgpt.core.heartbeat.HeartbeatAgent;
import dev.localgpt.core.heartbeat.HeartbeatPolicy;
import dev.localgpt.core.heartbeat.HeartbeatService;
import dev.localgpt.ports.llm.Usage;
import dev.localgpt.server.ErrorMapper;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatHttpServiceTest {
  @TempDir Path home;

  @Test
  void statusShowsTheLastRunAndAlert() throws Exception {
    Path workspace = Files.createDirectories(home.resolve("workspace"));
    Files.writeString(workspace.resolve("HEARTBEAT.md"), "- [ ] Check the mail\n");
    HeartbeatAgent agent =
        new HeartbeatAgent() {
          @Override
          public String modelName() {
            return "test/model";
          }

          @Override
          public TurnResult run(String prompt, BooleanSupplier cancelled) {
            return new TurnResult(
                "Three unread invoices are due today.",
                false,
                AgentResult.StopCause.COMPLETED,
                new Usage(30, 7),
                "test/model",
                0,
                "s1",
                Optional.empty());
          }
        };
    HeartbeatConfig config =
        new HeartbeatConfig(
            true,
            Duration.ofMinutes(30),
            Optional.empty(),
            Optional.of(ZoneOffset.UTC),
            Optional.empty(),
            1000,
            Optional.empty());
    HeartbeatService heartbeat =
        new HeartbeatService(
            new HeartbeatPolicy(config, ZoneOffset.UTC),
            workspace,
            agent,
            JsonHeartbeatStore.in(home.resolve("data")),
            JsonlHeartbeatLog.in(home.resolve("logs")),
            Clock.systemUTC());
    heartbeat.runOnce();
    WebServer server =
        WebServer.builder()
            .host("127.0.0.1")
            .port(0)
            .routing(
                routing -> {
                  ErrorMapper.register(routing);
                  routing.register(new HeartbeatHttpService(heartbeat));
                })
            .build()
            .start();
    try {
      HttpClient client = HttpClient.newHttpClient();
      URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/heartbeat/status");
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode json = new ObjectMapper().readTree(response.body());
      assertThat(json.path("enabled").asBoolean()).isTrue();
      assertThat(json.path("interval").asText()).isEqualTo("30m");
      assertThat(json.path("last_alert").path("text").asText())
          .isEqualTo("Three unread invoices are due today.");
      assertThat(json.path("budget_left").asLong()).isEqualTo(963);
      assertThat(json.path("last_runs").get(0).path("reason").asText()).isEqualTo("alert");
      HttpResponse<String> post =
          client.send(
              HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(405);
    } finally {
      server.stop();
    }
  }
}
