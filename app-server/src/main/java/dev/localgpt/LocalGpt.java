package dev.localgpt;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Module;
import dev.localgpt.app.heartbeat.HeartbeatComponents;
import dev.localgpt.app.wiring.ChatFactory;
import dev.localgpt.app.wiring.ChatModelSource;
import dev.localgpt.app.wiring.Components;
import dev.localgpt.app.wiring.Wiring;
import dev.localgpt.app.wiring.WiringOptions;
import dev.localgpt.core.agent.tools.ApprovalGate;
import dev.localgpt.core.chat.ChatService;
import dev.localgpt.core.chat.ChatStreamListener;
import dev.localgpt.core.chat.TurnResult;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.heartbeat.HeartbeatService;
import dev.localgpt.core.memory.MemoryService;
import dev.localgpt.core.workspace.LocalGptHome;
import dev.localgpt.core.workspace.Workspace;
import dev.localgpt.ports.llm.ChatModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * LocalGPT as a library, without the apps. Inside it builds the same object graph as the CLI and
 * the server (their Guice wiring); its users never see Guice.
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
 * <p>Chat uses the model given to {@link Builder#chatModel}, else {@code agent.default_model}, else
 * the first provider found (ANTHROPIC_API_KEY, OPENAI_API_KEY, a local Ollama, a configured GGUF);
 * with none it answers from memory only. All turns of one instance go to one session ({@link
 * #chatService()}); tools that need approval are denied.
 *
 * <p>{@link Builder#build()} loads and validates {@code config.toml} (throwing a {@link
 * dev.localgpt.core.config.ConfigException} listing every problem) and, unless turned off, creates
 * the home directories and the workspace templates that are missing. Instances are thread-safe;
 * {@link #close()} frees what the features opened (the memory index and the embedding model).
 */
public final class LocalGpt implements AutoCloseable {
  private final WiringOptions options;
  private final List<Module> overrides;
  private final LocalGptHome home;
  private final LocalGptConfig config;
  private final Workspace workspace;
  private Injector injector;
  private ChatService chatService;
  private HeartbeatService heartbeat;

  private LocalGpt(WiringOptions options, List<Module> overrides, Injector injector) {
    this.options = options;
    this.overrides = List.copyOf(overrides);
    this.injector = injector;
    this.home = Wiring.get(injector, LocalGptHome.class);
    this.config = Wiring.get(injector, LocalGptConfig.class);
    this.workspace = Wiring.get(injector, Workspace.class);
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
   * Sends one message in this instance's conversation and returns the reply text (empty when the
   * model chose not to reply).
   *
   * @throws dev.localgpt.ports.llm.ModelException when the model provider fails
   */
  public String chat(String message) {
    return stream(message, ChatStreamListener.NONE).text();
  }

  /**
   * Like {@link #chat(String)}, streaming text, tool activity and notices to {@code listener} as
   * they happen.
   */
  public TurnResult stream(String message, ChatStreamListener listener) {
    return chatService().send(message, listener);
  }

  /**
   * The conversation behind {@link #chat} and {@link #stream}: sessions, {@code /new}, status,
   * slash commands.
   */
  public synchronized ChatService chatService() {
    if (chatService == null) {
      ChatFactory chats = Wiring.get(injector(), ChatFactory.class);
      ChatModel model = chats.model(Optional.empty());
      chatService = ChatService.start(chats.setup(model, ApprovalGate.DENY_ALL));
    }
    return chatService;
  }

  /**
   * Memory: {@code memory().index()} brings the index up to date with the workspace, {@code
   * memory().search(query, SearchOptions.limit(6))} searches it. Opened on first call; the
   * embedding model loads on first use.
   */
  public synchronized MemoryService memory() {
    return Wiring.get(injector(), MemoryService.class);
  }

  /**
   * The heartbeat: {@code heartbeat().runOnce()} works through HEARTBEAT.md now (in a new session,
   * with the same tools as chat and approval-required tools refused; never when {@code
   * heartbeat.enabled = false}), {@code heartbeat().status()} shows the schedule, the last runs and
   * alerts and the budget, and {@code heartbeat().start(scheduler)} runs it in the background. Uses
   * the model given to {@link Builder#chatModel}, else {@code heartbeat.model}, else the chat's
   * model.
   */
  public synchronized HeartbeatService heartbeat() {
    if (heartbeat == null) {
      heartbeat =
          HeartbeatComponents.service(
              home,
              config,
              workspace,
              Wiring.get(injector(), ChatFactory.class),
              Optional.empty(),
              Clock.systemUTC());
    }
    return heartbeat;
  }

  private synchronized Injector injector() {
    if (injector == null) {
      injector = Wiring.injector(options, List.of(), overrides);
    }
    return injector;
  }

  /** Closes what the features opened; the instance stays usable (things reopen on demand). */
  @Override
  public synchronized void close() {
    if (injector != null) {
      Wiring.close(injector);
      injector = null;
      chatService = null;
      heartbeat = null;
    }
  }

  /** Settings for {@link LocalGpt}; every one is optional. */
  public static final class Builder {
    private Path home;
    private Path configFile;
    private Map<String, String> environment;
    private boolean initialize = true;
    private final List<Module> overrides = new ArrayList<>();

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
      ChatModelSource fixed =
          ChatModelSource.fixed(Objects.requireNonNull(chatModel, "'chatModel' must not be null"));
      return override(
          new AbstractModule() {
            @Override
            protected void configure() {
              bind(ChatModelSource.class).toInstance(fixed);
            }
          });
    }

    /**
     * Replaces bindings of the wiring (tests bind fakes of ports here); not public, users never see
     * Guice.
     */
    Builder override(Module module) {
      overrides.add(module);
      return this;
    }

    /**
     * Resolves the home, loads and validates the config and (unless turned off) prepares the home.
     *
     * @throws dev.localgpt.core.config.ConfigException listing every problem of the config
     */
    public LocalGpt build() {
      WiringOptions options =
          new WiringOptions(
              environment == null ? System.getenv() : environment,
              Optional.ofNullable(home),
              Optional.ofNullable(configFile),
              initialize);
      LocalGpt gpt =
          new LocalGpt(options, overrides, Wiring.injector(options, List.of(), overrides));
      if (initialize) {
        Components.prepare(gpt.home, gpt.config);
      }
      return gpt;
    }
  }
}
