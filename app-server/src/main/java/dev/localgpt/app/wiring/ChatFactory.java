package dev.localgpt.app.wiring;

import com.google.inject.Inject;
import com.google.inject.Singleton;
import dev.localgpt.adapter.providers.frontmatter.YamlFrontMatterParser;
import dev.localgpt.core.agent.AgentSettings;
import dev.localgpt.core.agent.tools.ApprovalGate;
import dev.localgpt.core.agent.tools.BashSandbox;
import dev.localgpt.core.agent.tools.ToolSettings;
import dev.localgpt.core.chat.ChatSetup;
import dev.localgpt.core.chat.ModelResolver;
import dev.localgpt.core.chat.Reindexer;
import dev.localgpt.core.config.AgentConfig;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.config.ToolsConfig;
import dev.localgpt.core.memory.IndexListener;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.skills.SkillLoader;
import dev.localgpt.core.workspace.Workspace;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.session.SessionStore;
import dev.localgpt.ports.tools.ToolSource;
import dev.localgpt.ports.web.WebFetcher;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * What a chat needs, assembled from the ports the injector bound: the model (from the {@link
 * ChatModelSource}), the {@link ChatSetup}, the {@code /model} resolver and the {@code /reindex}
 * hook. Guice builds it from its {@code @Inject} constructor over the bindings of {@link
 * ChatModule} and the other modules; chat, ask, the server and the library all get it from the
 * injector, so there is one wiring.
 */
@Singleton
public final class ChatFactory {
  /**
   * Room the context budget keeps free besides the reply reserve (its soft limit is window -
   * reserve - this).
   */
  static final int BUDGET_MARGIN_TOKENS = 4000;

  private final LocalGptConfig config;
  private final Workspace workspace;
  private final SessionStore sessions;
  private final MemoryService memory;
  private final ChatModelSource models;
  private final Optional<WebFetcher> webFetcher;
  private final Clock clock;
  private final ToolSource toolSource;

  @Inject
  ChatFactory(
      LocalGptConfig config,
      Workspace workspace,
      SessionStore sessions,
      MemoryService memory,
      ChatModelSource models,
      Optional<WebFetcher> webFetcher,
      Clock clock,
      ToolSource toolSource) {
    this.config = config;
    this.workspace = workspace;
    this.sessions = sessions;
    this.memory = memory;
    this.models = models;
    this.webFetcher = webFetcher;
    this.clock = clock;
    this.toolSource = toolSource;
  }

  /** The user's MCP servers ({@code [[mcp.servers]]}), for {@code mcp list}. */
  public ToolSource toolSource() {
    return toolSource;
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
   * The model for {@code -m MODEL} (or the configured/detected one when empty), with retries and
   * fallbacks.
   *
   * @throws IllegalArgumentException for a model name that cannot be served, naming the fix
   */
  public ChatModel model(Optional<String> override) {
    return models.model(override);
  }

  /** Exactly the named model, with retries, no fallbacks (for {@code /model name}). */
  public ModelResolver resolver() {
    return models.resolver();
  }

  public Reindexer reindexer() {
    return Reindexer.of(memory);
  }

  /**
   * Everything a {@link dev.localgpt.core.chat.ChatService} needs, for this model and approval
   * gate. Brings the memory index up to date first (keyword rows of changed files, and embeddings
   * within {@link MemoryService#SEARCH_EMBED_BUDGET}), so the conversation's memory search sees the
   * current notes without waiting minutes for a big note's vectors.
   */
  public ChatSetup setup(ChatModel model, ApprovalGate approval) {
    memory.update(MemoryService.SEARCH_EMBED_BUDGET, IndexListener.NONE);
    AgentConfig agent = config.agent();
    int window =
        agent.contextWindow() == AgentConfig.DEFAULTS.contextWindow() ? 0 : agent.contextWindow();
    return ChatSetup.builder()
        .model(model)
        .sessions(sessions)
        .memory(memory)
        .workspace(workspace.guard())
        .clock(clock)
        .zone(config.heartbeat().zoneOr(ZoneId.systemDefault()))
        .agent(AgentSettings.DEFAULTS.withMaxTokens(agent.maxTokens()))
        .tools(toolSettings(config.tools()).withBashSandbox(bashSandbox(config.tools(), workspace)))
        .approval(approval)
        .webFetcher(webFetcher.orElse(null))
        .skills(SkillLoader.forWorkspace(workspace.root(), new YamlFrontMatterParser()))
        .contextWindow(window)
        .reserveTokens(reserve(agent.reserveTokens(), window > 0 ? window : model.contextWindow()))
        .toolSource(toolSource)
        .build();
  }

  /**
   * The reply reserve, shrunk for small windows (Ollama's 8k, llama.cpp's 4k) so that the budget's
   * soft limit (window - reserve - {@link #BUDGET_MARGIN_TOKENS}) stays positive.
   */
  static int reserve(int configured, int window) {
    return configured + BUDGET_MARGIN_TOKENS < window
        ? configured
        : Math.max(0, window - BUDGET_MARGIN_TOKENS - window / 8);
  }

  static ToolSettings toolSettings(ToolsConfig tools) {
    return new ToolSettings(
            tools.bashEnabled(),
            Duration.ofMillis(tools.bashTimeoutMs()),
            List.of(),
            tools.toolOutputMaxChars(),
            (int) Math.min(Integer.MAX_VALUE, tools.webFetchMaxBytes()),
            tools.webFetchAllowedDomains(),
            new HashSet<>(tools.requireApproval()))
        .withAllowAfterUntrusted(new HashSet<>(tools.allowAfterUntrusted()));
  }

  /**
   * The bash tool's confinement: Bubblewrap when installed, hiding the user's home and the folder
   * holding the workspace (the LocalGPT home by default); network only with {@code
   * tools.bash_network}.
   */
  static BashSandbox bashSandbox(ToolsConfig tools, Workspace workspace) {
    List<java.nio.file.Path> hidden = new ArrayList<>();
    hidden.add(java.nio.file.Path.of(System.getProperty("user.home")));
    if (workspace.root().getParent() != null) {
      hidden.add(workspace.root().getParent());
    }
    return new BashSandbox(BashSandbox.findBwrap(System.getenv()), tools.bashNetwork(), hidden);
  }
}
