package dev.localgpt.server;

import dev.localgpt.core.config.ConfigException;
import dev.localgpt.core.config.ConfigProblem;
import dev.localgpt.core.config.ServerConfig;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.websocket.WsListener;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * LocalGPT's HTTP server: a Helidon SE WebServer with LocalGPT's routing.
 *
 * <pre>{@code
 * LocalGptServer server = LocalGptServer.builder()
 *     .config(config.server())          // bind, port, auth token
 *     .port(0)                          // optional: any free port (tests)
 *     .service(new MyHttpService(...))  // how a handler is added: an HttpService routing full paths
 *     .staticContent(StaticContent.classpath(StaticContent.WEB).orElse(null)) // optional: files at "/"
 *     .build();                         // refuses a non-loopback bind without an auth token
 * server.start();                      // or server.toBuilder().port(0).build().start()
 * int port = server.port();
 * server.stop();                        // in-flight requests get the grace period to finish
 * }</pre>
 *
 * <p>The routing, in order: Host, CORS, auth and limits filters (see {@link ServerSafety}); {@code
 * GET /health}; every {@link Builder#service service} in the order added (each registers its own
 * full paths, e.g. {@code rules.get("/api/status", ...)}, and throws {@link ApiException} for bad
 * input); the static content; and a JSON 404 for everything else. Errors of any route become {@code
 * {"error":{"code","message"}}} in one place, the {@link ErrorMapper}. In the app, the Guice {@code
 * dev.localgpt.app.wiring.ServerModule} builds the server with all of LocalGPT's services from the
 * one graph.
 *
 * <p>{@link #start()} and {@link #stop()} are idempotent and thread-safe.
 */
public final class LocalGptServer implements AutoCloseable {
  /**
   * The longest request line: a 1000-character query of 4-byte characters, percent-encoded, fits.
   */
  static final int MAX_REQUEST_LINE = 16 * 1024;

  /** The largest WebSocket frame (1 MB, as the Rust version allows). */
  static final int MAX_SOCKET_FRAME = 1024 * 1024;

  private final ServerSettings settings;
  private final List<HttpService> services;
  private final HttpService staticContent;
  private final Map<String, Supplier<WsListener>> sockets;
  private final List<Runnable> beforeStop;
  private final Optional<ServerUsers> users;
  private final LongAdder requestsReceived = new LongAdder();
  private WebServer server;

  private LocalGptServer(Builder b) {
    this.settings = b.settings;
    this.services = List.copyOf(b.services);
    this.staticContent = b.staticContent;
    this.sockets = Map.copyOf(b.sockets);
    this.beforeStop = List.copyOf(b.beforeStop);
    this.users = b.users;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this server's settings and services, e.g. to serve them on another port. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.settings = settings;
    b.services.addAll(services);
    b.staticContent = staticContent;
    b.sockets.putAll(sockets);
    b.beforeStop.addAll(beforeStop);
    b.users = users;
    return b;
  }

  /**
   * Binds and starts serving; returns this.
   *
   * @throws IllegalStateException when the address cannot be bound (e.g. the port is taken), naming
   *     the fix
   */
  public synchronized LocalGptServer start() {
    if (server == null || !server.isRunning()) {
      WebServerConfig.Builder config =
          WebServer.builder()
              .host(settings.bind())
              .port(settings.port())
              .shutdownHook(false)
              .shutdownGracePeriod(settings.gracePeriod())
              .addProtocol(Http1Config.builder().maxPrologueLength(MAX_REQUEST_LINE).build())
              .routing(this::routing);
      if (!sockets.isEmpty()) {
        WsRouting.Builder ws = WsRouting.builder();
        sockets.forEach(
            (path, listeners) ->
                ws.endpoint(
                    path,
                    () ->
                        new GuardedSocket(
                            caller ->
                                users.isEmpty()
                                    ? listeners.get()
                                    : users.get().socket(caller, path, listeners).get(),
                            settings,
                            users)));
        config
            .addProtocol(
                WsConfig.builder().name("websocket").maxFrameLength(MAX_SOCKET_FRAME).build())
            .addRouting(ws);
      }
      WebServer started;
      try {
        started = config.build().start();
      } catch (RuntimeException e) {
        throw cannotListen(e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), e);
      }
      if (!started.isRunning() || started.port() <= 0) {
        started.stop();
        throw cannotListen("the address is in use or not available", null);
      }
      server = started;
    }
    return this;
  }

  private IllegalStateException cannotListen(String why, Throwable cause) {
    return new IllegalStateException(
        "cannot listen on "
            + settings.bind()
            + ":"
            + settings.port()
            + ": "
            + why
            + " (is another server running there? set server.port or server.bind)",
        cause);
  }

  /** The routing of this server, as a plain function of its parts. */
  void routing(HttpRouting.Builder routing) {
    routing.addFilter(
        (chain, req, res) -> {
          requestsReceived.increment();
          chain.proceed();
        });
    ErrorMapper.register(routing);
    ServerSafety.install(routing, settings, users);
    routing.register(new HealthService());
    for (int i = 0; i < services.size(); i++) {
      routing.register(
          users.isEmpty() ? services.get(i) : users.get().dispatching(i, services.get(i)));
    }
    if (staticContent != null) {
      routing.register("/", staticContent);
    }
    routing.any(ErrorMapper.notFound());
  }

  /** Stops accepting, lets in-flight requests finish within the grace period, then closes. */
  public synchronized void stop() {
    if (server != null) {
      runBeforeStop();
      server.stop();
      server = null;
    }
  }

  /** The before-stop hooks, the users' servers' too. */
  void runBeforeStop() {
    beforeStop.forEach(Runnable::run);
    users.ifPresent(ServerUsers::beforeStop);
  }

  /** How many HTTP requests this server has received (e.g. to tell when its process is idle). */
  public long requestsReceived() {
    return requestsReceived.sum();
  }

  /** The services, in the order added. */
  List<HttpService> services() {
    return services;
  }

  /** The WebSocket endpoints by path. */
  Map<String, Supplier<WsListener>> sockets() {
    return sockets;
  }

  @Override
  public void close() {
    stop();
  }

  /** The port actually bound (the free one chosen for port 0). */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("the server is not running: call start() first");
    }
    return server.port();
  }

  public synchronized boolean isRunning() {
    return server != null && server.isRunning();
  }

  /** Bind address, port and limits. */
  public ServerSettings settings() {
    return settings;
  }

  /** Collects the settings and services; {@link #build()} checks them. */
  public static final class Builder {
    private ServerSettings settings = ServerSettings.from(ServerConfig.DEFAULTS);
    private final List<HttpService> services = new ArrayList<>();
    private HttpService staticContent;
    private final Map<String, Supplier<WsListener>> sockets = new LinkedHashMap<>();
    private final List<Runnable> beforeStop = new ArrayList<>();
    private Optional<ServerUsers> users = Optional.empty();

    private Builder() {}

    /**
     * Serves several users: every request needs a token, which selects the owner ({@code
     * server.auth_token}) or one of {@code users}, and runs on that caller's services.
     */
    public Builder users(ServerUsers users) {
      this.users = Optional.of(users);
      return this;
    }

    /** Bind address, port, auth token, CORS origins and allowed hosts from {@code [server]}. */
    public Builder config(ServerConfig config) {
      settings =
          ServerSettings.from(config)
              .withLimits(settings.limits().withCorsOrigins(config.corsOrigins()));
      return this;
    }

    /** All settings at once. */
    public Builder settings(ServerSettings settings) {
      this.settings = Objects.requireNonNull(settings, "'settings' must not be null");
      return this;
    }

    /** The port; 0 = any free port (see {@link LocalGptServer#port()}). */
    public Builder port(int port) {
      settings = settings.withPort(port);
      return this;
    }

    /** Body size, query length and rate limits. */
    public Builder limits(ServerLimits limits) {
      settings = settings.withLimits(limits);
      return this;
    }

    /** Adds a resource; it registers its own full paths. Services are routed in the order added. */
    public Builder service(HttpService service) {
      services.add(Objects.requireNonNull(service, "'service' must not be null"));
      return this;
    }

    /**
     * A WebSocket endpoint: a new listener per connection. Upgrades skip the HTTP filters; the
     * server checks the origin and token of the upgrade itself (see {@link
     * ServerSafety#checkUpgrade}).
     */
    public Builder webSocket(String path, Supplier<WsListener> listeners) {
      sockets.put(
          Objects.requireNonNull(path, "'path' must not be null"),
          Objects.requireNonNull(listeners, "'listeners' must not be null"));
      return this;
    }

    /**
     * Runs {@code hook} when the server stops, before in-flight requests get their grace period
     * (e.g. to end long-lived event streams).
     */
    public Builder beforeStop(Runnable hook) {
      beforeStop.add(Objects.requireNonNull(hook, "'hook' must not be null"));
      return this;
    }

    /** Static files served at {@code /} after the API routes (null = none). */
    public Builder staticContent(HttpService staticContent) {
      this.staticContent = staticContent;
      return this;
    }

    /**
     * @throws ConfigException when the bind address is not loopback and there is no {@code
     *     server.auth_token}
     */
    public LocalGptServer build() {
      if (!isLoopback(settings.bind()) && settings.authToken().isEmpty() && users.isEmpty()) {
        throw new ConfigException(
            new ConfigProblem(
                "config.toml",
                0,
                "server.auth_token",
                "is required to bind to " + settings.bind() + " (not a loopback address)",
                "set server.auth_token = \"${LOCALGPT_AUTH_TOKEN}\" or bind to 127.0.0.1"));
      }
      return new LocalGptServer(this);
    }
  }

  /** Whether {@code host} names only this machine (127.0.0.0/8, ::1, localhost). */
  public static boolean isLoopback(String host) {
    try {
      InetAddress[] all = InetAddress.getAllByName(host);
      for (InetAddress address : all) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return all.length > 0;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
