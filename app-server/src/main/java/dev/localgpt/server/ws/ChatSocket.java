package dev.localgpt.server.ws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.core.chat.ChatStreamListener;
import dev.localgpt.core.chat.TurnResult;
import dev.localgpt.ports.llm.ModelException;
import dev.localgpt.server.ApiException;
import dev.localgpt.server.HttpJson;
import dev.localgpt.server.RequestFields;
import dev.localgpt.server.chat.LiveSession;
import dev.localgpt.server.chat.LiveSessions;
import dev.localgpt.server.events.ServerEvents;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One WebSocket connection on {@code /api/ws}. In: {@code {"type":"session","session_id"?}} (attach
 * to a session, or start one), {@code {"type":"chat","message"}}, {@code {"type":"ping"}}. Out:
 * {@code {"type":"connected", "session_id"}}, {@code {"type":"content","delta"}} (the whole reply
 * at once, as the Rust version sends it), {@code {"type":"done"}}, {@code {"type":"pong"}}, {@code
 * {"type":"error","message"}}, and, at any time, the server's pushed events ({@link ServerEvents},
 * e.g. {@code {"type":"heartbeat_alert","at","text"}}). Messages over the size limit close the
 * connection. The server checks the upgrade's origin and token.
 */
final class ChatSocket implements WsListener {
  private static final Logger LOG = Logger.getLogger(ChatSocket.class.getName());

  private final LiveSessions sessions;
  private final ServerEvents events;
  private final int maxMessageChars;
  private final StringBuilder partial = new StringBuilder();
  private LiveSession session;
  private volatile ServerEvents.Subscription subscription;

  ChatSocket(LiveSessions sessions, ServerEvents events, int maxMessageChars) {
    this.sessions = sessions;
    this.events = events;
    this.maxMessageChars = maxMessageChars;
  }

  @Override
  public void onOpen(WsSession ws) {
    subscription =
        events.subscribe(
            new ServerEvents.Subscriber() {
              @Override
              public void onEvent(ObjectNode event) {
                send(ws, event);
              }

              @Override
              public void onDisconnect() {
                ws.close(1001, "server stopping");
              }
            });
  }

  @Override
  public void onClose(WsSession ws, int status, String reason) {
    unsubscribe();
  }

  @Override
  public void onError(WsSession ws, Throwable t) {
    unsubscribe();
  }

  private void unsubscribe() {
    ServerEvents.Subscription s = subscription;
    if (s != null) {
      s.close();
    }
  }

  @Override
  public void onMessage(WsSession ws, String text, boolean last) {
    if (partial.length() + text.length() > maxMessageChars) {
      partial.setLength(0);
      ws.close(1009, "message too big");
      return;
    }
    partial.append(text);
    if (!last) {
      return;
    }
    String message = partial.toString();
    partial.setLength(0);
    try {
      handle(ws, HttpJson.parseObject(message.getBytes(StandardCharsets.UTF_8)));
    } catch (ApiException e) {
      send(ws, event("error").put("message", e.getMessage()));
    } catch (ModelException e) {
      send(ws, event("error").put("message", "the language model failed: " + e.getMessage()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "websocket message failed", e);
      send(ws, event("error").put("message", "the server failed to answer (see the server log)"));
    }
  }

  private void handle(WsSession ws, ObjectNode message) {
    String type = RequestFields.requiredText(message, "type");
    switch (type) {
      case "ping" -> send(ws, event("pong"));
      case "session" -> {
        session = sessions.open(RequestFields.optionalSessionId(message, "session_id"));
        send(ws, event("connected").put("session_id", session.id()));
      }
      case "chat" -> {
        String text = RequestFields.requiredText(message, "message");
        if (session == null) {
          session = sessions.open(Optional.empty());
          send(ws, event("connected").put("session_id", session.id()));
        }
        TurnResult turn = session.use(chat -> chat.send(text, ChatStreamListener.NONE));
        send(ws, event("content").put("delta", turn.text()));
        send(ws, event("done"));
      }
      default ->
          throw ApiException.badRequest("'type' must be session, chat or ping, was '" + type + "'");
    }
  }

  private static ObjectNode event(String type) {
    return HttpJson.object().put("type", type);
  }

  /**
   * One frame at a time per connection: pushed events come from other threads than the chat's
   * replies.
   */
  private static void send(WsSession ws, ObjectNode event) {
    synchronized (ws) {
      ws.send(HttpJson.text(event), true);
    }
  }
}
