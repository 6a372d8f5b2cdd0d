package dev.localgpt.server;

import io.helidon.http.HttpPrologue;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.Optional;

/**
 * The rules a service registers its routes with when the server serves several users: each route
 * the service adds gets a number (0, 1, ... in the order added) and passes through {@code mapper}
 * before it reaches {@code target} (none: the routes are only counted and seen, e.g. to collect a
 * user's handlers). A service registers the same routes in the same order in every user's graph, so
 * route {@code k} of the owner's service is route {@code k} of each user's.
 */
final class UserRules implements HttpRules {
  /** What becomes of the {@code k}-th route. */
  @FunctionalInterface
  interface RouteMapper {
    HttpRoute map(int k, HttpRoute route);
  }

  private final Optional<HttpRules> target;
  private final RouteMapper mapper;
  private int next;

  UserRules(Optional<HttpRules> target, RouteMapper mapper) {
    this.target = target;
    this.mapper = mapper;
  }

  @Override
  public HttpRules register(HttpService... services) {
    for (HttpService service : services) {
      service.routing(this);
    }
    return this;
  }

  @Override
  public HttpRules register(String pathPattern, HttpService... services) {
    throw new UnsupportedOperationException(
        "a service of a server with several users registers full paths, not " + pathPattern);
  }

  @Override
  public HttpRules route(HttpRoute route) {
    HttpRoute mapped = mapper.map(next++, route);
    target.ifPresent(rules -> rules.route(mapped));
    return this;
  }

  /** {@code route} with another handler: same methods, same path (and path parameters). */
  static HttpRoute withHandler(HttpRoute route, Handler handler) {
    return new HttpRoute() {
      @Override
      public PathMatchers.MatchResult accepts(HttpPrologue prologue) {
        return route.accepts(prologue);
      }

      @Override
      public PathMatchers.MatchResult accepts(HttpPrologue prologue, ServerRequestHeaders headers) {
        return route.accepts(prologue, headers);
      }

      @Override
      public Handler handler() {
        return handler;
      }

      @Override
      public Optional<PathMatcher> pathMatcher() {
        return route.pathMatcher();
      }
    };
  }
}
