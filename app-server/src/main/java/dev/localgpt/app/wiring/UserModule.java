package dev.localgpt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.localgpt.core.config.HeartbeatConfig;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.config.MemoryConfig;
import dev.localgpt.core.config.MemoryStorage;
import dev.localgpt.core.config.ServerConfig;
import dev.localgpt.core.config.ServerUser;
import dev.localgpt.core.workspace.LocalGptHome;
import dev.localgpt.ports.embedding.Embedder;
import dev.localgpt.ports.embedding.ForwardingEmbedder;
import dev.localgpt.ports.tools.ToolSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The overrides that turn the root graph into one user's: her home ({@code <home>/users/<name>}:
 * her SQLite index, sessions, heartbeat state), her config (her workspace, her workspace id on
 * PostgreSQL, the workspaces she may read as extra index roots on SQLite, no heartbeat, no further
 * users), the root's embedding model (shared, closed by the root only) and no MCP servers (the
 * owner's {@code [[mcp.servers]]} may reach the owner's files; they serve the owner only).
 */
final class UserModule extends AbstractModule {
  private final ServerUser user;
  private final LocalGptHome home;
  private final LocalGptConfig config;
  private final Optional<Embedder> embedder;

  UserModule(
      ServerUser user, LocalGptHome home, LocalGptConfig owners, Optional<Embedder> embedder) {
    this.user = user;
    this.home = home;
    this.config = config(owners, user);
    this.embedder = embedder.map(Shared::new);
  }

  /** The user's home: {@code <home>/users/<name>}, reading the owner's config file. */
  static LocalGptHome home(LocalGptHome owners, ServerUser user) {
    return new LocalGptHome(
        owners.root().resolve("users").resolve(user.name()), owners.configFile());
  }

  /** The owner's config with the user's workspace, storage and read roots. */
  static LocalGptConfig config(LocalGptConfig owners, ServerUser user) {
    MemoryConfig m = owners.memory();
    List<MemoryConfig.IndexPath> paths = new ArrayList<>(m.paths());
    if (!m.storage().postgres()) {
      for (String other : user.readWorkspaces()) {
        owners.server().users().stream()
            .filter(u -> u.name().equals(other))
            .findFirst()
            .ifPresent(
                u -> paths.add(new MemoryConfig.IndexPath(u.workspace().toString(), "**/*.md")));
      }
    }
    MemoryStorage s = m.storage();
    MemoryConfig memory =
        new MemoryConfig(
            user.workspace(),
            m.embeddingProvider(),
            m.embeddingModel(),
            m.chunkSize(),
            m.chunkOverlap(),
            paths,
            m.vectorWeight(),
            m.textWeight(),
            m.isolatedSilos(),
            m.mmr(),
            m.temporalDecayHalfLifeDays(),
            m.maxResults(),
            m.fusion(),
            m.vectorBackend(),
            m.embeddingBatchSize(),
            new MemoryStorage(
                s.backend(), s.url(), s.user(), s.password(), s.poolSize(), user.name()));
    HeartbeatConfig h = owners.heartbeat();
    ServerConfig srv = owners.server();
    return new LocalGptConfig(
        owners.agent(),
        owners.providers(),
        new HeartbeatConfig(
            false,
            h.interval(),
            h.activeHours(),
            h.timezone(),
            h.model(),
            h.dailyTokenBudget(),
            h.timeout()),
        memory,
        new ServerConfig(
            srv.enabled(),
            srv.port(),
            srv.bind(),
            Optional.of(user.token()), // her server is never started; it passes the bind check
            srv.corsOrigins(),
            srv.allowedHosts()),
        owners.tools(),
        owners.logging(),
        owners.mcp());
  }

  @Provides
  @Singleton
  LocalGptHome home() {
    return home;
  }

  @Provides
  @Singleton
  LocalGptConfig config() {
    return config;
  }

  @Provides
  @Singleton
  Optional<Embedder> embedder() {
    return embedder;
  }

  @Provides
  @Singleton
  ToolSource toolSource() {
    return ToolSource.NONE;
  }

  /** The root's embedder, which only the root closes (this is no AutoCloseable). */
  record Shared(Embedder delegate) implements ForwardingEmbedder {}
}
