package dev.localgpt.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.localgpt.core.heartbeat.HeartbeatOutcome;
import dev.localgpt.core.heartbeat.HeartbeatService;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel.Reply;
import dev.localgpt.server.events.ServerEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A heartbeat alert of the daemon's heartbeat (the injector's {@link HeartbeatService}) reaches
 * clients connected to {@code GET /api/events} (SSE) and {@code /api/ws}, read with the JDK's HTTP
 * and WebSocket clients.
 */
class HeartbeatPushTest {
  @TempDir Path home;

  private static final class Inbox implements WebSocket.Listener {
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      messages.add(data.toString());
      ws.request(1);
      return null;
    }

    JsonNode next() throws Exception {
      String text = messages.poll(30, TimeUnit.SECONDS);
      assertThat(text).as("a WebSocket message within 30 s").isNotNull();
      return HttpJson.MAPPER.readTree(text);
    }
  }

  /** The SSE stream's data lines, read on another thread. */
  private static BlockingQueue<String> sse(ServerFixture server, CompletableFuture<Void> ended) {
    BlockingQueue<String> events = new LinkedBlockingQueue<>();
    HttpResponse<Stream<String>> res =
        server.http.stream(server.http.request("/api/events").GET().build());
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("content-type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
    Thread.ofVirtual()
        .start(
            () -> {
              try (Stream<String> lines = res.body()) {
                lines.filter(l -> l.startsWith("data: ")).forEach(l -> events.add(l.substring(6)));
              } catch (RuntimeException e) {
                // the stream was cut; "ended" says so
              }
              ended.complete(null);
            });
    return events;
  }

  private static JsonNode next(BlockingQueue<String> events) throws Exception {
    String data = events.poll(30, TimeUnit.SECONDS);
    assertThat(data).as("an SSE event within 30 s").isNotNull();
    return HttpJson.MAPPER.readTree(data);
  }

  @Test
  void anAlertIsPushedToSseAndWebSocketClientsAndTheStreamEndsWhenTheServerStops()
      throws Exception {
    ScriptedChatModel model =
        ScriptedChatModel.replying(Reply.text("The backup disk is 97% full: free some space."));
    CompletableFuture<Void> ended = new CompletableFuture<>();
    try (ServerFixture server = ServerFixture.start(home, model)) {
      Files.writeString(
          server.workspace().root().resolve("HEARTBEAT.md"), "- [ ] Check the backup disk\n");
      BlockingQueue<String> events = sse(server, ended);
      assertThat(next(events).get("type").asText()).isEqualTo("connected");
      Inbox inbox = new Inbox();
      WebSocket ws =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(URI.create("ws://127.0.0.1:" + server.server.port() + "/api/ws"), inbox)
              .get(10, TimeUnit.SECONDS);
      ws.sendText("{\"type\":\"ping\"}", true).join();
      assertThat(inbox.next().get("type").asText()).as("subscribed once open").isEqualTo("pong");
      assertThat(server.injector.getInstance(ServerEvents.class).subscribers()).isEqualTo(2);

      HeartbeatOutcome outcome = server.injector.getInstance(HeartbeatService.class).runOnce();

      String text = ((HeartbeatOutcome.Ran) outcome).alert().orElseThrow();
      assertThat(text).isEqualTo("The backup disk is 97% full: free some space.");
      for (JsonNode alert : new JsonNode[] {next(events), inbox.next()}) {
        assertThat(alert.get("type").asText()).isEqualTo("heartbeat_alert");
        assertThat(alert.get("text").asText()).isEqualTo(text);
        assertThat(alert.get("at").asText()).endsWith("Z");
      }
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
    ended.get(5, TimeUnit.SECONDS);
  }

  @Test
  void onlyGetIsAllowedOnTheEventStream() throws Exception {
    try (ServerFixture server = ServerFixture.start(home, ScriptedChatModel.replying())) {
      assertThat(server.http.post("/api/events", "{}").statusCode()).isEqualTo(405);
    }
  }
}
