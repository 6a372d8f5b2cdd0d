package dev.localgpt.core.chat;

import dev.localgpt.core.agent.AgentSettings;
import dev.localgpt.core.agent.MemoryOnlyChatModel;
import dev.localgpt.core.agent.tools.ApprovalGate;
import dev.localgpt.core.agent.tools.ToolSettings;
import dev.localgpt.core.memory.MemorySearch;
import dev.localgpt.core.skills.SkillLoader;
import dev.localgpt.core.workspace.PathGuard;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.session.SessionStore;
import dev.localgpt.ports.tools.ToolSource;
import dev.localgpt.ports.web.WebFetcher;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The collaborators and settings of a {@link ChatService}. Build with {@link #builder()}; {@code
 * sessions}, {@code memory} and {@code workspace} are required. Without a model, chat runs in
 * memory-only mode.
 *
 * @param model the language model; a {@link MemoryOnlyChatModel} means memory-only mode
 * @param sessions where transcripts are stored
 * @param memory memory search for the tools, {@code /memory} and memory-only answers
 * @param workspace the path guard of the workspace (and extra roots)
 * @param clock time source
 * @param zone the user's time zone (daily notes, prompt time)
 * @param agent agent loop settings
 * @param tools tool settings
 * @param approval asks before tools in {@code tools.require_approval} run
 * @param webFetcher for {@code web_fetch}, or null to leave the tool out
 * @param skills skill discovery, or null for no skills
 * @param contextWindow the context window in tokens, or 0 to ask the model
 * @param reserveTokens tokens kept free for the reply
 * @param toolSource the user's MCP servers, whose tools are offered too ({@link ToolSource#NONE}
 *     when none)
 */
public record ChatSetup(
    ChatModel model,
    SessionStore sessions,
    MemorySearch memory,
    PathGuard workspace,
    Clock clock,
    ZoneId zone,
    AgentSettings agent,
    ToolSettings tools,
    ApprovalGate approval,
    WebFetcher webFetcher,
    SkillLoader skills,
    int contextWindow,
    int reserveTokens,
    ToolSource toolSource) {

  public static final int DEFAULT_RESERVE_TOKENS = 8000;
  public static final int MEMORY_ONLY_HITS = 5;

  public ChatSetup {
    Objects.requireNonNull(sessions, "'sessions' must not be null");
    Objects.requireNonNull(memory, "'memory' must not be null");
    Objects.requireNonNull(workspace, "'workspace' must not be null");
    model = model == null ? new MemoryOnlyChatModel(memory, MEMORY_ONLY_HITS) : model;
    clock = clock == null ? Clock.systemUTC() : clock;
    zone = zone == null ? ZoneId.systemDefault() : zone;
    agent = agent == null ? AgentSettings.DEFAULTS : agent;
    tools = tools == null ? ToolSettings.DEFAULTS : tools;
    approval = approval == null ? ApprovalGate.DENY_ALL : approval;
    toolSource = toolSource == null ? ToolSource.NONE : toolSource;
    if (contextWindow < 0) {
      throw new IllegalArgumentException(
          "'contextWindow' must be >= 0 (0 = ask the model), was " + contextWindow);
    }
    if (reserveTokens < 0) {
      throw new IllegalArgumentException("'reserveTokens' must be >= 0, was " + reserveTokens);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.model = model;
    b.sessions = sessions;
    b.memory = memory;
    b.workspace = workspace;
    b.clock = clock;
    b.zone = zone;
    b.agent = agent;
    b.tools = tools;
    b.approval = approval;
    b.webFetcher = webFetcher;
    b.skills = skills;
    b.contextWindow = contextWindow;
    b.reserveTokens = reserveTokens;
    b.toolSource = toolSource;
    return b;
  }

  /** Collects the setup; see the record components for meanings and defaults. */
  public static final class Builder {
    private ChatModel model;
    private SessionStore sessions;
    private MemorySearch memory;
    private PathGuard workspace;
    private Clock clock;
    private ZoneId zone;
    private AgentSettings agent;
    private ToolSettings tools;
    private ApprovalGate approval;
    private WebFetcher webFetcher;
    private SkillLoader skills;
    private int contextWindow;
    private int reserveTokens = DEFAULT_RESERVE_TOKENS;
    private ToolSource toolSource;

    private Builder() {}

    public Builder model(ChatModel model) {
      this.model = model;
      return this;
    }

    public Builder sessions(SessionStore sessions) {
      this.sessions = sessions;
      return this;
    }

    public Builder memory(MemorySearch memory) {
      this.memory = memory;
      return this;
    }

    public Builder workspace(PathGuard workspace) {
      this.workspace = workspace;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    public Builder agent(AgentSettings agent) {
      this.agent = agent;
      return this;
    }

    public Builder tools(ToolSettings tools) {
      this.tools = tools;
      return this;
    }

    public Builder approval(ApprovalGate approval) {
      this.approval = approval;
      return this;
    }

    public Builder webFetcher(WebFetcher webFetcher) {
      this.webFetcher = webFetcher;
      return this;
    }

    public Builder skills(SkillLoader skills) {
      this.skills = skills;
      return this;
    }

    public Builder contextWindow(int contextWindow) {
      this.contextWindow = contextWindow;
      return this;
    }

    public Builder reserveTokens(int reserveTokens) {
      this.reserveTokens = reserveTokens;
      return this;
    }

    public Builder toolSource(ToolSource toolSource) {
      this.toolSource = toolSource;
      return this;
    }

    public ChatSetup build() {
      return new ChatSetup(
          model,
          sessions,
          memory,
          workspace,
          clock,
          zone,
          agent,
          tools,
          approval,
          webFetcher,
          skills,
          contextWindow,
          reserveTokens,
          toolSource);
    }
  }
}
