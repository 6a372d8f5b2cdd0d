package dev.localgpt.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code [server]}: enabled (default true), port (31327), bind address ({@code 127.0.0.1}), and the bearer token
 * required for any non-loopback bind.
 */
public record ServerConfig(boolean enabled, int port, String bind, Optional<String> authToken) {
  public static final ServerConfig DEFAULTS = new ServerConfig(true, 31_327, "127.0.0.1", Optional.empty());

  public ServerConfig {
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("'server.port' must be 1..65535, was " + port);
    }
    ConfigChecks.notBlank("server.bind", bind);
    Objects.requireNonNull(authToken, "'server.auth_token' must not be null");
  }

  @Override
  public String toString() {
    return "ServerConfig[enabled=" + enabled + ", port=" + port + ", bind=" + bind
        + ", authToken=" + (authToken.isPresent() ? "***" : "none") + "]";
  }
}
