package dev.localgpt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.workspace.LocalGptHome;
import dev.localgpt.core.workspace.Workspace;
import dev.localgpt.ports.session.SessionStore;

/** Provides the session store and the {@link ChatFactory} (models, chat setup) for chat, ask and the server. */
public final class ChatModule extends AbstractModule {
  @Provides
  @Singleton
  SessionStore sessions(LocalGptHome home) {
    return ChatComponents.sessions(home);
  }

  @Provides
  @Singleton
  ChatFactory chatFactory(LocalGptConfig config, WiringOptions options, Workspace workspace, SessionStore sessions,
      MemoryService memory) {
    return ChatComponents.factory(config, options, workspace, sessions, memory);
  }
}
