package dev.localgpt.app.wiring;

import dev.localgpt.adapter.providers.session.JsonlSessionStore;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.llm.RetryPolicy;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.workspace.LocalGptHome;
import dev.localgpt.core.workspace.Workspace;
import dev.localgpt.ports.session.SessionStore;
import java.time.Clock;

/** Plain factories for chat, called by {@link ChatModule} and by {@link dev.localgpt.LocalGpt}. */
public final class ChatComponents {
  private ChatComponents() {}

  /** JSONL transcripts in {@code <home>/sessions}. */
  public static SessionStore sessions(LocalGptHome home) {
    return new JsonlSessionStore(home.sessionsDir(), Clock.systemUTC());
  }

  public static ChatFactory factory(LocalGptConfig config, WiringOptions options, Workspace workspace,
      SessionStore sessions, MemoryService memory) {
    return new ChatFactory(config, workspace, sessions, memory, ProviderWiring.settings(config, options.env()),
        RetryPolicy.DEFAULT);
  }
}
