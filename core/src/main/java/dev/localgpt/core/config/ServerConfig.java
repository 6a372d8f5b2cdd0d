package dev.localgpt.core.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code [server]}: enabled (default true), port (31327), bind address ({@code 127.0.0.1}), the
 * bearer token required for any non-loopback bind, browser origins allowed besides localhost
 * ({@code cors_origins}, exact {@code scheme://host[:port]}) and host names the server answers to
 * besides loopback names and the bind address ({@code allowed_hosts}, against DNS rebinding), and
 * the {@code [[server.users]]} it serves besides its owner (empty: one user, the owner).
 */
public record ServerConfig(
    boolean enabled,
    int port,
    String bind,
    Optional<String> authToken,
    List<String> corsOrigins,
    List<String> allowedHosts,
    List<ServerUser> users) {
  public static final ServerConfig DEFAULTS =
      new ServerConfig(true, 31_327, "127.0.0.1", Optional.empty());

  public ServerConfig {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("'server.port' must be 1..65535, was " + port);
    }
    ConfigChecks.notBlank("server.bind", bind);
    Objects.requireNonNull(authToken, "'server.auth_token' must not be null");
    corsOrigins =
        List.copyOf(Objects.requireNonNull(corsOrigins, "'server.cors_origins' must not be null"));
    allowedHosts =
        List.copyOf(
            Objects.requireNonNull(allowedHosts, "'server.allowed_hosts' must not be null"));
    users = List.copyOf(Objects.requireNonNull(users, "'server.users' must not be null"));
  }

  /** Serving its owner only. */
  public ServerConfig(
      boolean enabled,
      int port,
      String bind,
      Optional<String> authToken,
      List<String> corsOrigins,
      List<String> allowedHosts) {
    this(enabled, port, bind, authToken, corsOrigins, allowedHosts, List.of());
  }

  /** Without extra origins or hosts. */
  public ServerConfig(boolean enabled, int port, String bind, Optional<String> authToken) {
    this(enabled, port, bind, authToken, List.of(), List.of());
  }

  @Override
  public String toString() {
    return "ServerConfig[enabled="
        + enabled
        + ", port="
        + port
        + ", bind="
        + bind
        + ", authToken="
        + (authToken.isPresent() ? "***" : "none")
        + ", corsOrigins="
        + corsOrigins
        + ", allowedHosts="
        + allowedHosts
        + ", users="
        + users
        + "]";
  }
}
