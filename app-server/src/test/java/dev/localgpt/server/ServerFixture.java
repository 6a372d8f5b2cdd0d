package dev.localgpt.server;

import com.google.inject.Injector;
import dev.localgpt.app.wiring.ChatModelSource;
import dev.localgpt.app.wiring.Wiring;
import dev.localgpt.app.wiring.WiringOptions;
import dev.localgpt.core.workspace.Workspace;
import dev.localgpt.ports.llm.ChatModel;
import dev.localgpt.ports.llm.ScriptedChatModel;
import dev.localgpt.server.chat.ModelSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The whole server from the app's Guice graph on a temporary home (keyword-only memory, no
 * embedding model), with the chat model replaced through one override of {@link ModelSource},
 * started on a free port.
 */
final class ServerFixture implements AutoCloseable {
  final Injector injector;
  final LocalGptServer server;
  final Http http;

  private ServerFixture(Injector injector, LocalGptServer server) {
    this.injector = injector;
    this.server = server;
    this.http = new Http(server.port());
  }

  /** Without the rate limit (tests send many requests quickly). */
  static ServerFixture start(Path home, ChatModel model) {
    return start(home, model, "", UNLIMITED);
  }

  static final UnaryOperator<LocalGptServer.Builder> UNLIMITED =
      b -> b.limits(ServerLimits.DEFAULTS.withoutRateLimit());

  /** Without the rate limit, every request needing the bearer {@code token}; a scripted model. */
  static ServerFixture startWithToken(Path home, String token) {
    return start(
        home,
        ScriptedChatModel.replying(),
        "",
        b -> UNLIMITED.apply(b).settings(b.build().settings().withAuthToken(Optional.of(token))));
  }

  /**
   * @param extraConfig TOML appended to the config
   * @param customise changes to the server's builder (limits, token) before it starts
   */
  static ServerFixture start(
      Path home,
      ChatModel model,
      String extraConfig,
      UnaryOperator<LocalGptServer.Builder> customise) {
    return startWithConfig(
        home, model, "[memory]\nembedding_provider = \"none\"\n" + extraConfig, customise);
  }

  /**
   * @param config the whole config file (the memory settings too: without {@code embedding_provider
   *     = "none"} the embedding model loads)
   */
  static ServerFixture startWithConfig(
      Path home, ChatModel model, String config, UnaryOperator<LocalGptServer.Builder> customise) {
    try {
      Files.createDirectories(home);
      Files.writeString(home.resolve("config.toml"), config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    WiringOptions options =
        new WiringOptions(
            Map.of("OLLAMA_HOST", "127.0.0.1:1"), Optional.of(home), Optional.empty());
    ModelSource models =
        name -> {
          if (name.isPresent() && name.get().startsWith("nope")) {
            throw new IllegalArgumentException(
                "unknown model '" + name.get() + "': use e.g. scripted/fake");
          }
          return model;
        };
    Injector injector =
        Wiring.injector(
            options,
            List.of(),
            List.of(
                binder -> {
                  binder.bind(ModelSource.class).toInstance(models);
                  // the heartbeat takes its model from the chat factory's source: the same one
                  binder.bind(ChatModelSource.class).toInstance(ChatModelSource.fixed(model));
                }));
    LocalGptServer wired = Wiring.get(injector, LocalGptServer.class);
    LocalGptServer server = customise.apply(wired.toBuilder().port(0)).build().start();
    return new ServerFixture(injector, server);
  }

  Workspace workspace() {
    return injector.getInstance(Workspace.class);
  }

  @Override
  public void close() {
    server.stop();
  }
}
