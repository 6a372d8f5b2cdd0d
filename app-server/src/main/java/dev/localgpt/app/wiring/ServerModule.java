package dev.localgpt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Binding;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.localgpt.adapter.mcp.MemoryMcpEndpoint;
import dev.localgpt.app.heartbeat.HeartbeatComponents;
import dev.localgpt.core.agent.tools.ApprovalGate;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.heartbeat.HeartbeatService;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.workspace.LocalGptHome;
import dev.localgpt.core.workspace.Workspace;
import dev.localgpt.ports.session.SessionStore;
import dev.localgpt.server.LocalGptServer;
import dev.localgpt.server.ServerSettings;
import dev.localgpt.server.ServerUsers;
import dev.localgpt.server.StaticContent;
import dev.localgpt.server.StatusHttpService;
import dev.localgpt.server.chat.ChatEngine;
import dev.localgpt.server.chat.ChatHttpService;
import dev.localgpt.server.chat.LiveSessions;
import dev.localgpt.server.chat.ModelSource;
import dev.localgpt.server.events.EventsHttpService;
import dev.localgpt.server.events.ServerEvents;
import dev.localgpt.server.heartbeat.HeartbeatHttpService;
import dev.localgpt.server.mcp.McpHttpService;
import dev.localgpt.server.memory.MemoryHttpService;
import dev.localgpt.server.openai.OpenAiHttpService;
import dev.localgpt.server.sessions.SessionsHttpService;
import dev.localgpt.server.ws.ChatSocketRoute;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Provides the {@link LocalGptServer} (not started) with all of LocalGPT's HTTP resources, built
 * from the one graph: {@link ChatFactory}, {@link MemoryService}, {@link SessionStore}, {@link
 * Workspace} and {@link LocalGptConfig}. It listens where {@code [server]} says; for another port
 * (0 = any free port, for tests and benchmarks) use {@code server.toBuilder().port(0).build()}.
 * Whoever starts the server stops it. Tests replace the chat model by overriding the {@link
 * ModelSource} binding. With {@code [[server.users]]} each bearer token selects its user, and the
 * routes run on that user's graph: the same modules with her {@link UserModule} overrides, built on
 * her first request ({@link UserGraphs}).
 */
public final class ServerModule extends AbstractModule {
  @Provides
  @Singleton
  ModelSource models(ChatFactory chats) {
    return chats::model;
  }

  @Provides
  @Singleton
  ChatEngine chatEngine(ModelSource models, ChatFactory chats) {
    return new ChatEngine(models, model -> chats.setup(model, ApprovalGate.DENY_ALL));
  }

  @Provides
  @Singleton
  LiveSessions liveSessions(ChatEngine engine, SessionStore sessions) {
    return new LiveSessions(engine, sessions);
  }

  /**
   * The heartbeat over this home's state and run log; the daemon schedules it, the server reports
   * on it.
   */
  @Provides
  @Singleton
  HeartbeatService heartbeat(
      LocalGptHome home,
      LocalGptConfig config,
      Workspace workspace,
      ChatFactory chats,
      Clock clock) {
    return HeartbeatComponents.service(home, config, workspace, chats, Optional.empty(), clock);
  }

  /** The events pushed to connected clients: the heartbeat's alerts (when the daemon runs it). */
  @Provides
  @Singleton
  ServerEvents events(HeartbeatService heartbeat) {
    ServerEvents events = new ServerEvents();
    heartbeat.onAlert(alert -> events.publish(ServerEvents.heartbeatAlert(alert)));
    return events;
  }

  /** The graphs of {@code [[server.users]]}, built on each user's first request. */
  @Provides
  @Singleton
  UserGraphs users(
      Injector injector, LocalGptHome home, LocalGptConfig config, Resources resources) {
    Binding<Wiring.RootGraph> graph = injector.getExistingBinding(Key.get(Wiring.RootGraph.class));
    if (graph == null) {
      throw new IllegalStateException(
          "[[server.users]] needs the injector of Wiring.injector(...), which knows its modules");
    }
    return resources.register(
        new UserGraphs(injector, graph.getProvider().get().module(), home, config));
  }

  @Provides
  @Singleton
  LocalGptServer server(
      Provider<UserGraphs> users,
      LocalGptConfig config,
      ChatEngine engine,
      LiveSessions live,
      MemoryService memory,
      SessionStore sessions,
      Workspace workspace,
      HeartbeatService heartbeat,
      ServerEvents events,
      MemoryMcpEndpoint mcp) {
    ServerSettings settings = ServerSettings.from(config.server());
    LocalGptServer.Builder server = LocalGptServer.builder();
    if (!config.server().users().isEmpty()) {
      Map<String, String> tokens = new LinkedHashMap<>();
      config.server().users().forEach(u -> tokens.put(u.name(), u.token()));
      server.users(new ServerUsers(config.server().authToken(), tokens, users.get().servers()));
    }
    return server
        .settings(settings)
        .service(new StatusHttpService(engine, live, memory, workspace))
        .service(new ChatHttpService(live, engine))
        .service(new SessionsHttpService(live, engine, sessions))
        .service(new MemoryHttpService(memory, workspace.root(), settings.limits().maxQueryChars()))
        .service(new OpenAiHttpService(engine, Clock.systemUTC()))
        .service(new HeartbeatHttpService(heartbeat))
        .service(new EventsHttpService(events))
        .service(new McpHttpService(mcp))
        .webSocket(ChatSocketRoute.PATH, ChatSocketRoute.listeners(live, events))
        .beforeStop(events::disconnectAll)
        .staticContent(StaticContent.classpath(StaticContent.WEB).orElse(null))
        .build();
  }
}
