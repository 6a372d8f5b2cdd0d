package dev.localgpt.server;

import io.helidon.http.Headers;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.websocket.WsListener;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The users of a server that serves several ({@code [[server.users]]}): the bearer token of a
 * request selects its caller, the owner ({@code server.auth_token}) or one user, and every route
 * runs on that caller's own services: the owner's are the server's own, a user's come from a server
 * (never started) built from her graph on her first request. Thread-safe.
 */
public final class ServerUsers {
  /** Who sent a request; the auth filter registers it in the request's context. */
  public record Caller(Optional<String> user) {
    static final Caller OWNER = new Caller(Optional.empty());
  }

  private final Optional<byte[]> ownerToken;
  private final Map<String, byte[]> tokens = new LinkedHashMap<>();
  private final Function<String, LocalGptServer> servers;
  private final Map<String, UserServices> built = new ConcurrentHashMap<>();

  /**
   * @param ownerToken the owner's token ({@code server.auth_token}); empty: only users may call
   * @param tokensByUser each user's token
   * @param servers builds a user's server (not started) from her graph, on her first request
   */
  public ServerUsers(
      Optional<String> ownerToken,
      Map<String, String> tokensByUser,
      Function<String, LocalGptServer> servers) {
    this.ownerToken = ownerToken.map(t -> t.getBytes(StandardCharsets.UTF_8));
    tokensByUser.forEach((user, token) -> tokens.put(user, token.getBytes(StandardCharsets.UTF_8)));
    this.servers = Objects.requireNonNull(servers, "'servers' must not be null");
  }

  /**
   * The caller whose token the request carries, compared in constant time against every token.
   *
   * @throws ApiException 401 when the token is missing or nobody's
   */
  Caller authenticate(Headers headers) {
    byte[] given = ServerSafety.bearer(headers);
    Caller found = null;
    if (ownerToken.isPresent() && MessageDigest.isEqual(given, ownerToken.get())) {
      found = Caller.OWNER;
    }
    for (Map.Entry<String, byte[]> user : tokens.entrySet()) {
      if (MessageDigest.isEqual(given, user.getValue())) {
        found = new Caller(Optional.of(user.getKey()));
      }
    }
    if (found == null) {
      throw ServerSafety.unauthorized(
          "the bearer token is nobody's: send your own token from [[server.users]]");
    }
    return found;
  }

  /** The owner's {@code service} (the {@code index}-th) with each route run on the caller's own. */
  HttpService dispatching(int index, HttpService service) {
    return rules ->
        service.routing(
            new UserRules(
                Optional.of(rules),
                (k, route) ->
                    UserRules.withHandler(
                        route,
                        (req, res) -> handler(caller(req), index, k, route).handle(req, res))));
  }

  private static Caller caller(ServerRequest req) {
    return req.context()
        .get(Caller.class)
        .orElseThrow(() -> ServerSafety.unauthorized("this server needs a bearer token"));
  }

  private Handler handler(Caller caller, int service, int route, HttpRoute owners) {
    if (caller.user().isEmpty()) {
      return owners.handler();
    }
    return services(caller.user().get()).handlers().get(service).get(route);
  }

  /** The caller's listeners of the WebSocket at {@code path}; the owner's are {@code owners}. */
  Supplier<WsListener> socket(Caller caller, String path, Supplier<WsListener> owners) {
    if (caller.user().isEmpty()) {
      return owners;
    }
    Supplier<WsListener> listeners = services(caller.user().get()).server().sockets().get(path);
    if (listeners == null) {
      throw new IllegalStateException("the user's server has no WebSocket at " + path);
    }
    return listeners;
  }

  /** Runs the before-stop hooks of every user's server built so far (e.g. ends event streams). */
  void beforeStop() {
    built.values().forEach(u -> u.server().runBeforeStop());
  }

  private UserServices services(String user) {
    return built.computeIfAbsent(user, name -> UserServices.of(servers.apply(name)));
  }

  /** A user's server and the handlers of its services, route by route. */
  private record UserServices(LocalGptServer server, List<List<Handler>> handlers) {
    static UserServices of(LocalGptServer server) {
      List<List<Handler>> handlers = new ArrayList<>();
      for (HttpService service : server.services()) {
        List<Handler> routes = new ArrayList<>();
        service.routing(
            new UserRules(
                Optional.empty(),
                (k, route) -> {
                  routes.add(route.handler());
                  return route;
                }));
        handlers.add(List.copyOf(routes));
      }
      return new UserServices(server, List.copyOf(handlers));
    }
  }
}
