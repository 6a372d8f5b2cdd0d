package dev.localgpt.app.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import java.util.ArrayList;
import java.util.List;

/** The one composition root. Add a feature by adding its module to {@link #modules}. */
public final class Wiring {
  private Wiring() {}

  /** Every feature module, in one list. */
  public static List<Module> modules(WiringOptions options) {
    return List.of(
        new ConfigModule(options),
        new WorkspaceModule(),
        new MemoryModule(),
        new ChatModule(),
        new ServerModule());
  }

  /**
   * An injector over {@link #modules} plus {@code extra} (e.g. an app's own module). Singletons are created on first
   * use, so nothing is loaded until something asks for it.
   */
  public static Injector injector(WiringOptions options, Module... extra) {
    List<Module> all = new ArrayList<>(modules(options));
    all.addAll(List.of(extra));
    return Guice.createInjector(Stage.DEVELOPMENT, all);
  }

  /**
   * Gets an instance, rethrowing the application exception (e.g. a ConfigException) that Guice wrapped, so callers
   * see the real problem.
   */
  public static <T> T get(Injector injector, Class<T> type) {
    try {
      return injector.getInstance(type);
    } catch (ProvisionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }
}
