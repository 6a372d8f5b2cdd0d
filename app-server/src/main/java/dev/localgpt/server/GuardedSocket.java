package dev.localgpt.server;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.util.Optional;
import java.util.function.Function;

/**
 * A WebSocket listener behind the server's checks: upgrades skip the HTTP filters, so the origin
 * and the bearer token are checked here before the listener's own upgrade hook; everything else is
 * passed through.
 */
final class GuardedSocket implements WsListener {
  private final Function<ServerUsers.Caller, WsListener> listeners;
  private final ServerSettings settings;
  private final Optional<ServerUsers> users;
  private volatile WsListener delegate;

  /**
   * @param listeners the caller's listener for this connection, chosen when the upgrade passes
   */
  GuardedSocket(
      Function<ServerUsers.Caller, WsListener> listeners,
      ServerSettings settings,
      Optional<ServerUsers> users) {
    this.listeners = listeners;
    this.settings = settings;
    this.users = users;
  }

  @Override
  public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers)
      throws WsUpgradeException {
    ServerUsers.Caller caller;
    try {
      caller = ServerSafety.checkUpgrade(headers, settings, users);
    } catch (ApiException e) {
      throw new WsUpgradeException(e.getMessage());
    }
    delegate = listeners.apply(caller);
    return delegate.onHttpUpgrade(prologue, headers);
  }

  @Override
  public void onMessage(WsSession session, String text, boolean last) {
    delegate.onMessage(session, text, last);
  }

  @Override
  public void onMessage(WsSession session, BufferData buffer, boolean last) {
    delegate.onMessage(session, buffer, last);
  }

  @Override
  public void onPing(WsSession session, BufferData buffer) {
    delegate.onPing(session, buffer);
  }

  @Override
  public void onPong(WsSession session, BufferData buffer) {
    delegate.onPong(session, buffer);
  }

  @Override
  public void onClose(WsSession session, int status, String reason) {
    delegate.onClose(session, status, reason);
  }

  @Override
  public void onError(WsSession session, Throwable t) {
    delegate.onError(session, t);
  }

  @Override
  public void onOpen(WsSession session) {
    delegate.onOpen(session);
  }
}
