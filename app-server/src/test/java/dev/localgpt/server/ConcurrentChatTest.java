package dev.localgpt.server;

import static dev.localgpt.server.ChatApiTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.localgpt.ports.llm.ChatListener;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.ChatRequest;
import dev.localgpt.ports.llm.ChatResponse;
import dev.localgpt.ports.llm.StopReason;
import dev.localgpt.ports.llm.Usage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentChatTest {
  @TempDir Path home;

  /** Each call waits until {@code parties} calls are in flight together (or gives up). */
  static final class GateModel implements ChatModel {
    final CountDownLatch together;
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final AtomicInteger metUp = new AtomicInteger();

    final long waitSeconds;

    GateModel(int parties, long waitSeconds) {
      together = new CountDownLatch(parties);
      this.waitSeconds = waitSeconds;
    }

    @Override
    public String id() {
      return "gate/fake";
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatListener listener) {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        together.countDown();
        if (together.await(waitSeconds, TimeUnit.SECONDS)) {
          metUp.incrementAndGet();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inFlight.decrementAndGet();
      }
      return new ChatResponse("done", List.of(), new Usage(1, 1), StopReason.END_TURN, id());
    }
  }

  @Test
  void chatsOnSeparateSessionsRunInParallel() throws Exception {
    GateModel model = new GateModel(2, 30);
    try (ServerFixture server = ServerFixture.start(home, model);
        ExecutorService pool = Executors.newFixedThreadPool(2)) {
      String a = json(server.http.post("/api/sessions", "")).get("session_id").asText();
      String b = json(server.http.post("/api/sessions", "")).get("session_id").asText();
      Future<HttpResponse<String>> first =
          pool.submit(() -> server.http.post("/api/chat", body(a)));
      Future<HttpResponse<String>> second =
          pool.submit(() -> server.http.post("/api/chat", body(b)));
      assertThat(first.get().statusCode()).isEqualTo(200);
      assertThat(second.get().statusCode()).isEqualTo(200);
      assertThat(model.metUp).hasValue(2);
      assertThat(model.maxInFlight).hasValue(2);
    }
  }

  @Test
  void twoRequestsOnTheSameSessionAreSerialised() throws Exception {
    GateModel model = new GateModel(2, 2);
    try (ServerFixture server = ServerFixture.start(home, model);
        ExecutorService pool = Executors.newFixedThreadPool(2)) {
      String a = json(server.http.post("/api/sessions", "")).get("session_id").asText();
      Future<HttpResponse<String>> first =
          pool.submit(() -> server.http.post("/api/chat", body(a)));
      Future<HttpResponse<String>> second =
          pool.submit(() -> server.http.post("/api/chat", body(a)));
      assertThat(first.get().statusCode()).isEqualTo(200);
      assertThat(second.get().statusCode()).isEqualTo(200);
      assertThat(model.maxInFlight).hasValue(1);
      assertThat(model.metUp)
          .hasValue(1); // the second call ran after the first had given up waiting
      assertThat(json(server.http.get("/api/sessions/" + a)).get("message_count").asInt())
          .isEqualTo(4);
    }
  }

  private static String body(String sessionId) {
    return "{\"message\":\"hello\",\"session_id\":\"" + sessionId + "\"}";
  }
}
