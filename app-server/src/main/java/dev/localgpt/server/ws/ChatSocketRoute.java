package dev.localgpt.server.ws;

import dev.localgpt.server.chat.LiveSessions;
import dev.localgpt.server.events.ServerEvents;
import io.helidon.websocket.WsListener;
import java.util.function.Supplier;

/**
 * {@code /api/ws}: a new {@link ChatSocket} per connection over the shared live sessions and event
 * hub.
 */
public final class ChatSocketRoute {
  public static final String PATH = "/api/ws";

  /** The largest message, as in the Rust version. */
  public static final int MAX_MESSAGE = 1024 * 1024;

  private ChatSocketRoute() {}

  /** Chat only, no pushed events. */
  public static Supplier<WsListener> listeners(LiveSessions sessions) {
    return listeners(sessions, new ServerEvents());
  }

  /** Chat, plus every event published on {@code events} while the connection is open. */
  public static Supplier<WsListener> listeners(LiveSessions sessions, ServerEvents events) {
    return () -> new ChatSocket(sessions, events, MAX_MESSAGE);
  }
}
