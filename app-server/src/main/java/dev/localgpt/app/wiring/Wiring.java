package dev.localgpt.app.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import java.util.ArrayList;
import java.util.List;

/**
 * The one composition root of the CLI, the server and the library. Add a feature by adding its
 * module to {@link #modules}; replace a port (a user's own chat model, a test fake) by passing a
 * module to {@link #injector(WiringOptions, List, List)} as an override.
 */
public final class Wiring {
  private Wiring() {}

  /** Every feature module, in one list. */
  public static List<Module> modules(WiringOptions options) {
    return List.of(
        new ConfigModule(options),
        new WorkspaceModule(),
        new MemoryModule(),
        new ChatModule(),
        new McpModule(),
        new ServerModule());
  }

  /**
   * An injector over {@link #modules} plus {@code extra} (e.g. an app's own module). Singletons are
   * created on first use, so nothing is loaded until something asks for it.
   */
  public static Injector injector(WiringOptions options, Module... extra) {
    return injector(options, List.of(extra), List.of());
  }

  /**
   * An injector over {@link #modules} plus {@code extra}, where the bindings of {@code overrides}
   * replace those of the same keys (one {@code Modules.override}, not a second wiring).
   */
  public static Injector injector(
      WiringOptions options, List<? extends Module> extra, List<? extends Module> overrides) {
    List<Module> all = new ArrayList<>(modules(options));
    all.addAll(extra);
    Module graph =
        overrides.isEmpty() ? Modules.combine(all) : Modules.override(all).with(overrides);
    return Guice.createInjector(
        Stage.DEVELOPMENT,
        graph,
        binder -> binder.bind(RootGraph.class).toInstance(new RootGraph(graph)));
  }

  /**
   * The modules (with their overrides) an injector of {@link #injector} was made of: the server
   * builds each of its {@code [[server.users]]}' graphs from them.
   */
  record RootGraph(Module module) {}

  /**
   * Gets an instance, rethrowing the application exception (e.g. a ConfigException) that Guice
   * wrapped, so callers see the real problem.
   */
  public static <T> T get(Injector injector, Class<T> type) {
    try {
      return injector.getInstance(type);
    } catch (ProvisionException e) {
      throw unwrap(e);
    }
  }

  /**
   * The application exception inside Guice's {@link ProvisionException}, or the exception itself.
   */
  public static RuntimeException unwrap(ProvisionException e) {
    Throwable cause = e.getCause();
    return cause instanceof RuntimeException runtime ? runtime : e;
  }

  /**
   * Closes what the injector's providers opened (the memory index, the embedding model, in-process
   * models).
   */
  public static void close(Injector injector) {
    injector.getInstance(Resources.class).close();
  }
}
