package dev.localgpt.server.ws;

import dev.localgpt.server.chat.LiveSessions;
import io.helidon.websocket.WsListener;
import java.util.function.Supplier;

/** {@code /api/ws}: a new {@link ChatSocket} per connection over the shared live sessions. */
public final class ChatSocketRoute {
  public static final String PATH = "/api/ws";
  /** The largest message, as in the Rust version. */
  public static final int MAX_MESSAGE = 1024 * 1024;

  private ChatSocketRoute() {}

  public static Supplier<WsListener> listeners(LiveSessions sessions) {
    return () -> new ChatSocket(sessions, MAX_MESSAGE);
  }
}
