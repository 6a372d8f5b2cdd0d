package dev.localgpt.server;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The filters every request passes, in order: an {@code x-request-id} header on the OpenAI routes
 * (OpenAI sends one on every answer, errors included, and its SDKs show it), the {@code Host} check
 * against DNS rebinding (see {@link HostPolicy}), CORS (localhost origins only by default; a
 * browser request from any other origin is refused, so a web page cannot drive the API), the bearer
 * token (when configured; compared in constant time), the per-client rate limit ({@code /health}
 * exempt) and the body size limit. The web page's own files ({@code GET} outside {@code /api},
 * {@code /v1} and {@code /health}) need no token and do not count against the rate: they hold no
 * data, and the page asks for the token itself.
 */
final class ServerSafety {
  static final HeaderName REQUEST_ID = HeaderNames.create("x-request-id");

  private ServerSafety() {}

  /** {@code req_} and 32 hex digits, like OpenAI's; unique enough to find a request in a log. */
  static String requestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "req_"
        + HexFormat.of().toHexDigits(random.nextLong())
        + HexFormat.of().toHexDigits(random.nextLong());
  }

  static void install(HttpRouting.Builder routing, ServerSettings settings) {
    install(routing, settings, Optional.empty());
  }

  /**
   * With {@code users}, the token filter registers the request's {@link ServerUsers.Caller} in its
   * context instead of checking the one token.
   */
  static void install(
      HttpRouting.Builder routing, ServerSettings settings, Optional<ServerUsers> users) {
    routing.addFilter(
        (chain, req, res) -> {
          if (req.path().path().startsWith("/v1/")) {
            res.header(REQUEST_ID, requestId());
          }
          chain.proceed();
        });
    HostPolicy hosts = new HostPolicy(settings.bind(), settings.allowedHosts());
    routing.addFilter(
        (chain, req, res) -> {
          hosts.check(req.headers());
          chain.proceed();
        });
    CorsPolicy cors = new CorsPolicy(settings.limits().corsOrigins());
    routing.addFilter(
        (chain, req, res) -> {
          if (cors.handle(req, res)) {
            chain.proceed();
          }
        });
    if (users.isPresent()) {
      routing.addFilter(
          (chain, req, res) -> {
            if (!isPageFile(req)) {
              req.context().register(users.get().authenticate(req.headers()));
            }
            chain.proceed();
          });
    }
    settings
        .authToken()
        .filter(token -> users.isEmpty())
        .ifPresent(
            token -> {
              byte[] expected = token.getBytes(StandardCharsets.UTF_8);
              routing.addFilter(
                  (chain, req, res) -> {
                    if (!isPageFile(req)) {
                      checkToken(req, expected);
                    }
                    chain.proceed();
                  });
            });
    if (settings.limits().requestsPerMinute() > 0) {
      RateLimiter limiter =
          new RateLimiter(
              settings.limits().requestsPerMinute(), settings.limits().burst(), System::nanoTime);
      routing.addFilter(
          (chain, req, res) -> {
            if (!req.path().path().equals(HealthService.PATH) && !isPageFile(req)) {
              limit(limiter, req, res);
            }
            chain.proceed();
          });
    }
    long maxBody = settings.limits().maxBodyBytes();
    routing.addFilter(
        (chain, req, res) -> {
          limitBody(req, maxBody);
          chain.proceed();
        });
  }

  /**
   * The checks of the filters for a WebSocket upgrade, which does not pass them: host, origin and
   * bearer token; returns the caller (the owner unless {@code users} tell otherwise).
   *
   * @throws ApiException 401, 403 or 421 naming the problem
   */
  static ServerUsers.Caller checkUpgrade(
      Headers headers, ServerSettings settings, Optional<ServerUsers> users) {
    new HostPolicy(settings.bind(), settings.allowedHosts()).check(headers);
    Optional<String> origin = headers.first(HeaderNames.ORIGIN);
    if (origin.isPresent()
        && !new CorsPolicy(settings.limits().corsOrigins()).allowed(origin.get())) {
      throw new ApiException(
          Status.FORBIDDEN_403, "forbidden", "origin " + origin.get() + " may not use this server");
    }
    if (users.isPresent()) {
      return users.get().authenticate(headers);
    }
    if (settings.authToken().isPresent()) {
      checkToken(headers, settings.authToken().get().getBytes(StandardCharsets.UTF_8));
    }
    return ServerUsers.Caller.OWNER;
  }

  /** A GET or HEAD of the web page's static files: anything outside the API paths. */
  static boolean isPageFile(RoutingRequest req) {
    Method method = req.prologue().method();
    String path = req.path().path();
    return (method == Method.GET || method == Method.HEAD)
        && !path.equals(HealthService.PATH)
        && !path.equals("/api")
        && !path.startsWith("/api/")
        && !path.equals("/v1")
        && !path.startsWith("/v1/");
  }

  static void checkToken(RoutingRequest req, byte[] expected) {
    checkToken(req.headers(), expected);
  }

  static void checkToken(Headers headers, byte[] expected) {
    if (!MessageDigest.isEqual(bearer(headers), expected)) {
      throw unauthorized("the bearer token is wrong: use the server's server.auth_token");
    }
  }

  /**
   * The bearer token of a request.
   *
   * @throws ApiException 401 when there is none
   */
  static byte[] bearer(Headers headers) {
    Optional<String> header = headers.first(HeaderNames.AUTHORIZATION);
    if (header.isEmpty()) {
      throw unauthorized(
          "this server needs a bearer token: send 'Authorization: Bearer <server.auth_token>'");
    }
    String value = header.get().strip();
    if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw unauthorized("the Authorization header must be 'Bearer <server.auth_token>'");
    }
    return value.substring(7).strip().getBytes(StandardCharsets.UTF_8);
  }

  static ApiException unauthorized(String message) {
    return new ApiException(Status.UNAUTHORIZED_401, "unauthorized", message);
  }

  private static void limit(RateLimiter limiter, RoutingRequest req, RoutingResponse res) {
    long waitSeconds = limiter.acquire(clientOf(req.remotePeer().address()));
    if (waitSeconds > 0) {
      res.header(HeaderNames.RETRY_AFTER, Long.toString(waitSeconds));
      throw new ApiException(
          Status.TOO_MANY_REQUESTS_429,
          "rate_limited",
          "too many requests from this client: " + "retry in " + waitSeconds + " s");
    }
  }

  static String clientOf(SocketAddress address) {
    if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
      return inet.getAddress().getHostAddress();
    }
    return String.valueOf(address);
  }

  private static void limitBody(RoutingRequest req, long maxBody) {
    if (req.prologue().method() == Method.GET || req.prologue().method() == Method.HEAD) {
      return;
    }
    Optional<Long> length =
        req.headers().contentLength().isPresent()
            ? Optional.of(req.headers().contentLength().getAsLong())
            : Optional.empty();
    if (length.isPresent() && length.get() > maxBody) {
      throw tooLarge(maxBody);
    }
    req.streamFilter(in -> new LimitedInputStream(in, maxBody, () -> tooLarge(maxBody)));
  }

  static ApiException tooLarge(long maxBody) {
    return new ApiException(
        Status.REQUEST_ENTITY_TOO_LARGE_413,
        "payload_too_large",
        "the request body is over " + maxBody / (1024 * 1024) + " MB: send less");
  }
}
