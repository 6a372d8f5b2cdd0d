package dev.localgpt.server.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.localgpt.core.heartbeat.HeartbeatState;
import dev.localgpt.server.HttpJson;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's event hub: connected clients ({@code /api/events}, {@code /api/ws}) subscribe, and
 * {@link #publish} hands each event to every subscriber. In the app the heartbeat's alerts are
 * published here ({@link #heartbeatAlert}: {@code {"type":"heartbeat_alert","at":"<ISO
 * instant>","text":"..."}}). Thread-safe; a subscriber that throws is dropped. {@link
 * #disconnectAll()} (run when the server stops) ends every subscription, so open streams do not
 * hold up the shutdown.
 */
public final class ServerEvents {
  private static final Logger LOG = Logger.getLogger(ServerEvents.class.getName());

  /** Receives events on the publisher's thread; must not block for long. */
  public interface Subscriber {
    void onEvent(ObjectNode event);

    /** The server is stopping: end the stream. */
    default void onDisconnect() {}
  }

  /** A subscription; closing it stops delivery (twice is harmless). */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

  public Subscription subscribe(Subscriber subscriber) {
    Objects.requireNonNull(subscriber, "'subscriber' must not be null");
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  /** Sends {@code event} to every current subscriber. */
  public void publish(ObjectNode event) {
    for (Subscriber s : subscribers) {
      try {
        s.onEvent(event.deepCopy());
      } catch (RuntimeException e) {
        subscribers.remove(s);
        LOG.log(Level.FINE, "dropped an event subscriber that failed", e);
      }
    }
  }

  /** How many clients listen (for tests and status). */
  public int subscribers() {
    return subscribers.size();
  }

  /** Ends every subscription (the server is stopping). */
  public void disconnectAll() {
    for (Subscriber s : subscribers) {
      subscribers.remove(s);
      try {
        s.onDisconnect();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "an event subscriber failed to disconnect", e);
      }
    }
  }

  /** {@code {"type":"heartbeat_alert","at","text"}}. */
  public static ObjectNode heartbeatAlert(HeartbeatState.SentAlert alert) {
    return HttpJson.object()
        .put("type", "heartbeat_alert")
        .put("at", alert.at().toString())
        .put("text", alert.text());
  }
}
