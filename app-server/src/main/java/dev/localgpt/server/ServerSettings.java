package dev.localgpt.server;

import dev.localgpt.core.config.ServerConfig;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how the server listens.
 *
 * @param bind the address to bind ({@code 127.0.0.1} by default)
 * @param port the port; 0 = any free port
 * @param authToken the bearer token every request must carry, if any (required for a non-loopback
 *     bind)
 * @param limits body, query, rate and CORS limits
 * @param gracePeriod how long {@link LocalGptServer#stop()} lets in-flight requests finish
 * @param allowedHosts {@code Host} names served besides localhost, IP literals and the bind address
 *     (see {@link HostPolicy})
 */
public record ServerSettings(
    String bind,
    int port,
    Optional<String> authToken,
    ServerLimits limits,
    Duration gracePeriod,
    List<String> allowedHosts) {
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

  public ServerSettings {
    if (bind == null || bind.isBlank()) {
      throw new IllegalArgumentException("'bind' must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException(
          "'port' must be 0..65535 (0 = any free port), was " + port);
    }
    authToken =
        Objects.requireNonNull(authToken, "'authToken' must not be null").filter(t -> !t.isBlank());
    Objects.requireNonNull(limits, "'limits' must not be null");
    Objects.requireNonNull(gracePeriod, "'gracePeriod' must not be null");
    allowedHosts =
        List.copyOf(Objects.requireNonNull(allowedHosts, "'allowedHosts' must not be null"));
  }

  /** {@code [server]} with the default limits plus its CORS origins and allowed hosts. */
  public static ServerSettings from(ServerConfig config) {
    return new ServerSettings(
        config.bind(),
        config.port(),
        config.authToken(),
        ServerLimits.DEFAULTS.withCorsOrigins(config.corsOrigins()),
        DEFAULT_GRACE,
        config.allowedHosts());
  }

  public ServerSettings withPort(int port) {
    return new ServerSettings(bind, port, authToken, limits, gracePeriod, allowedHosts);
  }

  public ServerSettings withBind(String bind) {
    return new ServerSettings(bind, port, authToken, limits, gracePeriod, allowedHosts);
  }

  public ServerSettings withAuthToken(Optional<String> authToken) {
    return new ServerSettings(bind, port, authToken, limits, gracePeriod, allowedHosts);
  }

  public ServerSettings withLimits(ServerLimits limits) {
    return new ServerSettings(bind, port, authToken, limits, gracePeriod, allowedHosts);
  }

  @Override
  public String toString() {
    return "ServerSettings[bind="
        + bind
        + ", port="
        + port
        + ", authToken="
        + (authToken.isPresent() ? "***" : "none")
        + ", limits="
        + limits
        + ", gracePeriod="
        + gracePeriod
        + ", allowedHosts="
        + allowedHosts
        + "]";
  }
}
