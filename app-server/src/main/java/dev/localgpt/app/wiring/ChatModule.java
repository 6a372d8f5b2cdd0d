package dev.localgpt.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.localgpt.adapter.providers.ProviderSettings;
import dev.localgpt.adapter.providers.session.JsonlSessionStore;
import dev.localgpt.adapter.providers.web.OkHttpWebFetcher;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.config.ToolsConfig;
import dev.localgpt.core.llm.RetryPolicy;
import dev.localgpt.core.memory.MemorySearch;
import dev.localgpt.core.workspace.LocalGptHome;
import dev.localgpt.ports.session.SessionStore;
import dev.localgpt.ports.web.WebFetcher;
import java.time.Clock;
import java.util.Optional;

/**
 * Chat: binds the {@link SessionStore} port to JSONL files (to PostgreSQL with {@code
 * memory.backend = "postgres"}), the {@link WebFetcher} port (present only when {@code
 * tools.web_fetch_allowed_domains} names hosts) to OkHttp, the {@link ChatModelSource} to the
 * configured providers; the {@link ChatFactory} above them is built by its {@code @Inject}
 * constructor. Replace one with {@code Modules.override}.
 */
public final class ChatModule extends AbstractModule {
  @Provides
  @Singleton
  SessionStore sessions(
      LocalGptHome home, LocalGptConfig config, Clock clock, Resources resources) {
    if (config.memory().storage().postgres()) {
      return PostgresMemory.sessions(config.memory().storage(), clock, resources);
    }
    return new JsonlSessionStore(home.sessionsDir(), clock);
  }

  @Provides
  @Singleton
  Optional<WebFetcher> webFetcher(LocalGptConfig config) {
    ToolsConfig tools = config.tools();
    if (tools.webFetchAllowedDomains().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        OkHttpWebFetcher.builder().allowedDomains(tools.webFetchAllowedDomains()).build());
  }

  @Provides
  @Singleton
  ProviderSettings providerSettings(LocalGptConfig config, WiringOptions options) {
    return ProviderWiring.settings(config, options.env());
  }

  @Provides
  RetryPolicy retryPolicy() {
    return RetryPolicy.DEFAULT;
  }

  @Provides
  @Singleton
  ChatModelSource chatModels(
      LocalGptConfig config,
      ProviderSettings settings,
      MemorySearch memory,
      RetryPolicy retry,
      Clock clock,
      Resources resources) {
    return resources.register(new ProviderModels(config, settings, memory, retry, clock));
  }
}
