package dev.localgpt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.workspace.Workspace;
import dev.localgpt.ports.session.SessionStore;
import dev.localgpt.server.LocalGptServer;
import dev.localgpt.server.StaticContent;

/**
 * Provides the {@link LocalGptServer} (not started) with all of LocalGPT's HTTP resources, built from the one graph:
 * {@link ChatFactory}, {@link MemoryService}, {@link SessionStore}, {@link Workspace} and {@link LocalGptConfig}.
 * It listens where {@code [server]} says; for another port (0 = any free port, for tests and benchmarks) use
 * {@code server.toBuilder().port(0).build()}. Whoever starts the server stops it.
 */
public final class ServerModule extends AbstractModule {
  @Provides
  @Singleton
  LocalGptServer server(LocalGptConfig config, ChatFactory chats, MemoryService memory, SessionStore sessions,
      Workspace workspace) {
    return LocalGptServer.builder()
        .config(config.server())
        .staticContent(StaticContent.classpath(StaticContent.WEB).orElse(null))
        .build();
  }
}
