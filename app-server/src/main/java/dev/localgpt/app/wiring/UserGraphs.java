package dev.localgpt.app.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.google.inject.util.Modules;
import dev.localgpt.adapter.postgres.PostgresDatabase;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.config.ServerUser;
import dev.localgpt.core.workspace.LocalGptHome;
import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.server.LocalGptServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The graphs of the server's {@code [[server.users]]}, each built on the user's first request from
 * the modules of the root graph (with the root's overrides) plus a {@link UserModule} that gives
 * her her home, config and workspace, and shares the root's embedding model; on PostgreSQL a {@link
 * UserPostgresModule} puts every user's index and sessions on one pool. Closing closes every user's
 * graph, then the pool. Thread-safe.
 */
final class UserGraphs implements AutoCloseable {
  private final Injector root;
  private final Module graph;
  private final LocalGptHome home;
  private final LocalGptConfig config;
  private final Map<String, ServerUser> users = new ConcurrentHashMap<>();
  private final Map<String, Injector> graphs = new ConcurrentHashMap<>();
  private PostgresDatabase database;
  private boolean closed;

  /**
   * @param root the owner's graph, which shares its embedding model
   * @param graph the modules {@code root} was made of
   */
  UserGraphs(Injector root, Module graph, LocalGptHome home, LocalGptConfig config) {
    this.root = root;
    this.graph = graph;
    this.home = home;
    this.config = config;
    config.server().users().forEach(u -> users.put(u.name(), u));
  }

  /** The user's server (not started), from her graph. */
  LocalGptServer server(String name) {
    return Wiring.get(graph(name), LocalGptServer.class);
  }

  /** The user's graph, built on first use. */
  Injector graph(String name) {
    ServerUser user = users.get(name);
    if (user == null) {
      throw new IllegalArgumentException("no [[server.users]] entry is named '" + name + "'");
    }
    return graphs.computeIfAbsent(name, n -> build(user));
  }

  private Injector build(ServerUser user) {
    Optional<Embedder> embedder =
        root.getInstance(Key.get(new TypeLiteral<Optional<Embedder>>() {}));
    List<Module> overrides = new ArrayList<>();
    overrides.add(new UserModule(user, UserModule.home(home, user), config, embedder));
    if (config.memory().storage().postgres()) {
      overrides.add(new UserPostgresModule(user, this::database));
    }
    return Guice.createInjector(Stage.DEVELOPMENT, Modules.override(graph).with(overrides));
  }

  private synchronized PostgresDatabase database() {
    if (closed) {
      throw new IllegalStateException("the server's users are closed");
    }
    if (database == null) {
      database = PostgresDatabase.open(PostgresMemory.options(config.memory().storage()));
    }
    return database;
  }

  @Override
  public void close() {
    graphs.values().forEach(Wiring::close);
    graphs.clear();
    synchronized (this) {
      closed = true;
      if (database != null) {
        database.close();
      }
    }
  }

  /** Looks up users' servers by name. */
  Function<String, LocalGptServer> servers() {
    return this::server;
  }
}
