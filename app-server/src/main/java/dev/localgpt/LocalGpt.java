package dev.localgpt;

import dev.localgpt.app.wiring.ChatComponents;
import dev.localgpt.app.wiring.ChatFactory;
import dev.localgpt.app.wiring.Components;
import dev.localgpt.app.wiring.MemoryComponents;
import dev.localgpt.app.wiring.MemoryStack;
import dev.localgpt.app.wiring.WiringOptions;
import dev.localgpt.core.agent.tools.ApprovalGate;
import dev.localgpt.core.chat.ChatService;
import dev.localgpt.core.chat.ChatStreamListener;
import dev.localgpt.core.chat.TurnResult;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.workspace.LocalGptHome;
import dev.localgpt.core.workspace.Workspace;
import dev.localgpt.ports.llm.ChatModel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * LocalGPT as a library, without Guice and without the apps.
 *
 * <pre>{@code
 * LocalGpt gpt = LocalGpt.builder().home(Path.of("/tmp/my-home")).build();
 * gpt.workspace().dailyNote(LocalDate.now());
 * gpt.config().heartbeat().interval();
 * String answer = gpt.chat("What did I decide about the garden?");
 * gpt.stream("Summarise today's note", new ChatStreamListener() {
 *   public void onText(String delta) { System.out.print(delta); }
 * });
 * }</pre>
 *
 * <p>Chat uses the model given to {@link Builder#chatModel}, else {@code agent.default_model}, else the first
 * provider found (ANTHROPIC_API_KEY, OPENAI_API_KEY, a local Ollama, a configured GGUF); with none it answers from
 * memory only. All turns of one instance go to one session ({@link #chatService()}); tools that need approval are
 * denied.
 *
 * <p>{@link Builder#build()} loads and validates {@code config.toml} (throwing a {@link
 * dev.localgpt.core.config.ConfigException} listing every problem) and, unless turned off, creates the home
 * directories and the workspace templates that are missing. Instances are thread-safe; {@link #close()} frees what
 * the features opened (the memory index and the embedding model).
 */
public final class LocalGpt implements AutoCloseable {
  private final LocalGptHome home;
  private final LocalGptConfig config;
  private final Workspace workspace;
  private final WiringOptions options;
  private final ChatModel chatModel;
  private ChatFactory chatFactory;
  private ChatService chatService;
  private MemoryStack memory;

  private LocalGpt(LocalGptHome home, LocalGptConfig config, Workspace workspace, WiringOptions options,
      ChatModel chatModel) {
    this.home = home;
    this.config = config;
    this.workspace = workspace;
    this.options = options;
    this.chatModel = chatModel;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The home directory and where its parts live. */
  public LocalGptHome home() {
    return home;
  }

  /** The validated configuration. */
  public LocalGptConfig config() {
    return config;
  }

  /** The Markdown workspace. */
  public Workspace workspace() {
    return workspace;
  }

  /**
   * Sends one message in this instance's conversation and returns the reply text (empty when the model chose not
   * to reply).
   *
   * @throws dev.localgpt.ports.llm.ModelException when the model provider fails
   */
  public String chat(String message) {
    return stream(message, ChatStreamListener.NONE).text();
  }

  /** Like {@link #chat(String)}, streaming text, tool activity and notices to {@code listener} as they happen. */
  public TurnResult stream(String message, ChatStreamListener listener) {
    return chatService().send(message, listener);
  }

  /** The conversation behind {@link #chat} and {@link #stream}: sessions, {@code /new}, status, slash commands. */
  public synchronized ChatService chatService() {
    if (chatService == null) {
      chatFactory = ChatComponents.factory(config, options, workspace, ChatComponents.sessions(home),
          memory());
      ChatModel model = chatModel != null ? chatModel : chatFactory.model(Optional.empty());
      chatService = ChatService.start(chatFactory.setup(model, ApprovalGate.DENY_ALL));
    }
    return chatService;
  }

  /**
   * Memory: {@code memory().index()} brings the index up to date with the workspace, {@code memory().search(query,
   * SearchOptions.limit(6))} searches it. Opened on first call; the embedding model loads on first use.
   */
  public synchronized MemoryService memory() {
    if (memory == null) {
      memory = MemoryComponents.memory(home, config);
    }
    return memory.service();
  }

  /** Closes what the features opened; the instance stays usable (things reopen on demand). */
  @Override
  public synchronized void close() {
    if (chatFactory != null) {
      chatFactory.close();
      chatFactory = null;
      chatService = null;
    }
    if (memory != null) {
      memory.close();
      memory = null;
    }
  }

  /** Settings for {@link LocalGpt}; every one is optional. */
  public static final class Builder {
    private Path home;
    private Path configFile;
    private Map<String, String> environment;
    private boolean initialize = true;
    private ChatModel chatModel;

    private Builder() {}

    /** The home directory; default {@code LOCALGPT_HOME}, else {@code ~/.localgpt}. */
    public Builder home(Path home) {
      this.home = Objects.requireNonNull(home, "'home' must not be null");
      return this;
    }

    /** The config file; default {@code LOCALGPT_CONFIG}, else {@code <home>/config.toml}. */
    public Builder configFile(Path configFile) {
      this.configFile = Objects.requireNonNull(configFile, "'configFile' must not be null");
      return this;
    }

    /** The environment variables to use instead of the process environment. */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /** Whether {@link #build()} creates missing directories and templates (default true). */
    public Builder initialize(boolean initialize) {
      this.initialize = initialize;
      return this;
    }

    /** The model to chat with, instead of the configured or detected one. */
    public Builder chatModel(ChatModel chatModel) {
      this.chatModel = Objects.requireNonNull(chatModel, "'chatModel' must not be null");
      return this;
    }

    public LocalGpt build() {
      WiringOptions options = new WiringOptions(environment == null ? System.getenv() : environment,
          Optional.ofNullable(home), Optional.ofNullable(configFile));
      LocalGptHome resolvedHome = Components.home(options);
      LocalGptConfig config = Components.config(resolvedHome, options);
      Workspace workspace = initialize ? Components.prepare(resolvedHome, config) : Components.workspace(config);
      return new LocalGpt(resolvedHome, config, workspace, options, chatModel);
    }
  }
}
