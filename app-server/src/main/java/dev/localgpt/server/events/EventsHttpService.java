package dev.localgpt.server.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.server.ErrorMapper;
import dev.localgpt.server.HttpJson;
import dev.localgpt.server.SseWriter;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/events}: a server-sent event stream of {@link ServerEvents}, one {@code data:
 * {json}} per event (first {@code {"type":"connected"}}, then e.g. {@code
 * {"type":"heartbeat_alert","at","text"}}), with a {@code : keepalive} comment every 15 s so a
 * client that went away is noticed. The stream ends when the client disconnects or the server
 * stops. A client that falls 100 events behind loses the oldest.
 */
public final class EventsHttpService implements HttpService {
  public static final String PATH = "/api/events";
  static final Duration KEEPALIVE = Duration.ofSeconds(15);
  private static final int BACKLOG = 100;
  private static final ObjectNode END = HttpJson.object().put("type", "end");

  private final ServerEvents events;

  public EventsHttpService(ServerEvents events) {
    this.events = events;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get(PATH, (req, res) -> stream(res)).any(PATH, ErrorMapper.methodNotAllowed("GET"));
  }

  private void stream(ServerResponse res) throws InterruptedException {
    BlockingQueue<ObjectNode> queue = new LinkedBlockingQueue<>(BACKLOG);
    ServerEvents.Subscriber subscriber =
        new ServerEvents.Subscriber() {
          @Override
          public void onEvent(ObjectNode event) {
            while (!queue.offer(event)) {
              queue.poll();
            }
          }

          @Override
          public void onDisconnect() {
            queue.clear();
            queue.offer(END);
          }
        };
    try (SseWriter sse = SseWriter.open(res);
        ServerEvents.Subscription sub = events.subscribe(subscriber)) {
      sse.json(HttpJson.object().put("type", "connected"));
      while (!sse.closed()) {
        ObjectNode next = queue.poll(KEEPALIVE.toMillis(), TimeUnit.MILLISECONDS);
        if (next == END) {
          return;
        }
        if (next == null) {
          sse.comment("keepalive");
        } else {
          sse.json(next);
        }
      }
    }
  }
}
