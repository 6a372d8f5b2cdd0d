package dev.localgpt.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * CORS for localhost origins (any port) plus the configured ones. A request with any other {@code
 * Origin} is refused with 403, so a web page from elsewhere cannot use the API through the user's
 * browser; requests without an {@code Origin} (curl, SDKs) pass. A preflight from an allowed origin
 * may send any headers it asks for (a browser SDK adds its own, e.g. OpenAI's {@code
 * X-Stainless-*}).
 */
final class CorsPolicy {
  private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  /** Answer headers a page's script may read: the OpenAI SDKs read these two. */
  private static final String EXPOSED = "x-request-id, retry-after";

  private final List<String> extra;

  CorsPolicy(List<String> extra) {
    this.extra = extra;
  }

  /**
   * Adds the CORS headers; answers preflights itself. Returns whether the request goes on to the
   * routes.
   */
  boolean handle(RoutingRequest req, RoutingResponse res) {
    Optional<String> origin = req.headers().first(HeaderNames.ORIGIN);
    if (origin.isEmpty()) {
      return true;
    }
    if (!allowed(origin.get())) {
      throw new ApiException(
          Status.FORBIDDEN_403,
          "forbidden",
          "origin "
              + origin.get()
              + " may not use this "
              + "server: only localhost pages may, unless you add it to server.cors_origins");
    }
    res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin.get());
    res.header(HeaderNames.VARY, "Origin");
    res.header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
    if (req.prologue().method() == Method.OPTIONS
        && req.headers().contains(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD)) {
      res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, DELETE, OPTIONS");
      res.header(
          HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS,
          req.headers()
              .first(HeaderNames.ACCESS_CONTROL_REQUEST_HEADERS)
              .filter(h -> !h.isBlank())
              .orElse("Authorization, Content-Type"));
      res.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
      res.status(Status.NO_CONTENT_204).send();
      return false;
    }
    return true;
  }

  boolean allowed(String origin) {
    if (extra.contains(origin)) {
      return true;
    }
    try {
      URI uri = URI.create(origin);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && LOCAL_HOSTS.contains(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
