package dev.localgpt.app.wiring;

import dev.localgpt.adapter.providers.ChatModels;
import dev.localgpt.adapter.providers.ProviderSettings;
import dev.localgpt.adapter.providers.frontmatter.YamlFrontMatterParser;
import dev.localgpt.adapter.providers.web.OkHttpWebFetcher;
import dev.localgpt.core.agent.AgentSettings;
import dev.localgpt.core.agent.MemoryOnlyChatModel;
import dev.localgpt.core.agent.tools.ApprovalGate;
import dev.localgpt.core.agent.tools.ToolSettings;
import dev.localgpt.core.chat.ChatSetup;
import dev.localgpt.core.chat.ModelResolver;
import dev.localgpt.core.chat.Reindexer;
import dev.localgpt.core.config.AgentConfig;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.config.ToolsConfig;
import dev.localgpt.core.llm.FailoverChatModel;
import dev.localgpt.core.llm.RetryPolicy;
import dev.localgpt.core.llm.RetryingChatModel;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.skills.SkillLoader;
import dev.localgpt.core.workspace.Workspace;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.session.SessionStore;
import dev.localgpt.ports.web.WebFetcher;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Builds what a chat needs from the config: the model (named, configured or detected; retried; with the configured
 * fallbacks; memory-only when there is none), the {@link ChatSetup}, the {@code /model} resolver and the
 * {@code /reindex} hook. Used by the Guice {@link ChatModule} and by {@link dev.localgpt.LocalGpt}, so there is one
 * wiring. Nothing here touches the network except the short Ollama probe when no model is named or configured.
 * {@link #close()} frees in-process models (llama.cpp); after that the CLI must {@code System.exit}.
 */
public final class ChatFactory implements AutoCloseable {
  static final Duration FAILOVER_COOLDOWN = Duration.ofSeconds(60);

  private final LocalGptConfig config;
  private final Workspace workspace;
  private final SessionStore sessions;
  private final MemoryService memory;
  private final ProviderSettings settings;
  private final RetryPolicy retry;
  private final List<AutoCloseable> opened = new ArrayList<>();
  private ChatModels models;

  public ChatFactory(LocalGptConfig config, Workspace workspace, SessionStore sessions, MemoryService memory,
      ProviderSettings settings, RetryPolicy retry) {
    this.config = config;
    this.workspace = workspace;
    this.sessions = sessions;
    this.memory = memory;
    this.settings = settings;
    this.retry = retry;
  }

  public MemoryService memory() {
    return memory;
  }

  public SessionStore sessions() {
    return sessions;
  }

  public LocalGptConfig config() {
    return config;
  }

  /**
   * The model for {@code -m MODEL} (or the configured/detected one when empty), wrapped with retries and the
   * configured fallbacks; a {@link MemoryOnlyChatModel} when there is none.
   *
   * @throws IllegalArgumentException for a model name that cannot be served, naming the fix
   */
  public ChatModel model(Optional<String> override) {
    Optional<String> chosen = ProviderWiring.choose(override, config, settings);
    if (chosen.isEmpty()) {
      return new MemoryOnlyChatModel(memory, ChatSetup.MEMORY_ONLY_HITS);
    }
    List<ChatModel> candidates = new ArrayList<>();
    candidates.add(resilient(chosen.get()));
    var seen = new HashSet<>(List.of(chosen.get()));
    for (String fallback : config.agent().fallbackModels()) {
      String name = ProviderWiring.check(fallback);
      if (seen.add(name)) {
        candidates.add(resilient(name));
      }
    }
    return candidates.size() == 1 ? candidates.getFirst()
        : new FailoverChatModel(candidates, FAILOVER_COOLDOWN, Clock.systemUTC());
  }

  /** Exactly the named model, with retries, no fallbacks (for {@code /model name}). */
  public ModelResolver resolver() {
    return name -> Optional.of(resilient(ProviderWiring.check(name)));
  }

  public Reindexer reindexer() {
    return Reindexer.of(memory);
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

  /**
   * Everything a {@link dev.localgpt.core.chat.ChatService} needs, for this model and approval gate. Brings the memory
   * index up to date first (incrementally), so the conversation's memory search sees the current notes.
   */
  public ChatSetup setup(ChatModel model, ApprovalGate approval) {
    memory.index();
    AgentConfig agent = config.agent();
    int window = agent.contextWindow() == AgentConfig.DEFAULTS.contextWindow() ? 0 : agent.contextWindow();
    return ChatSetup.builder()
        .model(model)
        .sessions(sessions)
        .memory(memory)
        .workspace(workspace.guard())
        .clock(Clock.systemUTC())
        .zone(config.heartbeat().zoneOr(ZoneId.systemDefault()))
        .agent(new AgentSettings(AgentSettings.DEFAULTS.maxToolSteps(), AgentSettings.DEFAULTS.maxToolRepeats(),
            AgentSettings.DEFAULTS.maxToolErrors(), agent.maxTokens(), AgentSettings.DEFAULTS.securitySuffix()))
        .tools(toolSettings(config.tools()))
        .approval(approval)
        .webFetcher(webFetcher(config.tools()))
        .skills(SkillLoader.forWorkspace(workspace.root(), new YamlFrontMatterParser()))
        .contextWindow(window)
        .reserveTokens(reserve(agent.reserveTokens(), window > 0 ? window : model.contextWindow()))
        .build();
  }

  /**
   * The reply reserve, shrunk for small windows (Ollama's 8k, llama.cpp's 4k) so that the budget's soft limit
   * (window - reserve - 4000) stays positive.
   */
  static int reserve(int configured, int window) {
    return configured + 4000 < window ? configured : Math.max(0, window - 4000 - window / 8);
  }

  static ToolSettings toolSettings(ToolsConfig tools) {
    return new ToolSettings(tools.bashEnabled(), Duration.ofMillis(tools.bashTimeoutMs()), List.of(),
        tools.toolOutputMaxChars(), (int) Math.min(Integer.MAX_VALUE, tools.webFetchMaxBytes()),
        tools.webFetchAllowedDomains(), new HashSet<>(tools.requireApproval()));
  }

  /** {@code web_fetch} only when {@code tools.web_fetch_allowed_domains} names hosts (empty = off). */
  static WebFetcher webFetcher(ToolsConfig tools) {
    if (tools.webFetchAllowedDomains().isEmpty()) {
      return null;
    }
    return OkHttpWebFetcher.builder().allowedDomains(tools.webFetchAllowedDomains()).build();
  }

  @Override
  public synchronized void close() {
    for (AutoCloseable c : opened) {
      try {
        c.close();
      } catch (Exception e) {
        // closing a model at exit: nothing useful to do
      }
    }
    opened.clear();
  }
}
