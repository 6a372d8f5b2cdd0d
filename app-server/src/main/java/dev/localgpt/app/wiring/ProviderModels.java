package dev.localgpt.app.wiring;

import dev.localgpt.adapter.providers.ChatModels;
import dev.localgpt.adapter.providers.ProviderSettings;
import dev.localgpt.core.agent.MemoryOnlyChatModel;
import dev.localgpt.core.chat.ModelResolver;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.llm.FailoverChatModel;
import dev.localgpt.core.llm.RetryPolicy;
import dev.localgpt.core.llm.RetryingChatModel;
import dev.localgpt.core.memory.MemorySearch;
import dev.localgpt.ports.llm.ChatModel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The {@link ChatModelSource} of the configured providers: the named, configured or detected model,
 * retried, with {@code agent.fallback_models} behind it; a {@link MemoryOnlyChatModel} when there
 * is none. Nothing here touches the network except the short Ollama probe when no model is named or
 * configured.
 */
final class ProviderModels implements ChatModelSource {
  /** How long a failed-over model rests before it is tried again. */
  static final Duration FAILOVER_COOLDOWN = Duration.ofSeconds(60);

  private final LocalGptConfig config;
  private final ProviderSettings settings;
  private final MemorySearch memory;
  private final RetryPolicy retry;
  private final Clock clock;
  private final List<AutoCloseable> opened = new ArrayList<>();
  private ChatModels models;

  ProviderModels(
      LocalGptConfig config,
      ProviderSettings settings,
      MemorySearch memory,
      RetryPolicy retry,
      Clock clock) {
    this.config = config;
    this.settings = settings;
    this.memory = memory;
    this.retry = retry;
    this.clock = clock;
  }

  @Override
  public ChatModel model(Optional<String> name) {
    Optional<String> chosen = ProviderWiring.choose(name, config, settings);
    if (chosen.isEmpty()) {
      return new MemoryOnlyChatModel(memory, config.memory().maxResults());
    }
    List<ChatModel> candidates = new ArrayList<>();
    candidates.add(resilient(chosen.get()));
    var seen = new HashSet<>(List.of(chosen.get()));
    for (String fallback : config.agent().fallbackModels()) {
      String checked = ProviderWiring.check(fallback);
      if (seen.add(checked)) {
        candidates.add(resilient(checked));
      }
    }
    return candidates.size() == 1
        ? candidates.getFirst()
        : new FailoverChatModel(candidates, FAILOVER_COOLDOWN, clock);
  }

  @Override
  public ModelResolver resolver() {
    return name -> Optional.of(resilient(ProviderWiring.check(name)));
  }

  private synchronized ChatModel resilient(String name) {
    if (models == null) {
      models = new ChatModels(settings);
    }
    ChatModel model = models.create(name);
    if (model instanceof AutoCloseable closeable) {
      opened.add(closeable);
    }
    return new RetryingChatModel(model, retry);
  }

  @Override
  public synchronized void close() {
    for (AutoCloseable c : opened) {
      try {
        c.close();
      } catch (Exception e) {
        System.getLogger(ProviderModels.class.getName())
            .log(System.Logger.Level.DEBUG, "closing a model failed: " + e.getMessage());
      }
    }
    opened.clear();
  }
}
