package dev.localgpt.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.inject.Injector;
import dev.localgpt.app.wiring.Wiring;
import dev.localgpt.app.wiring.WiringOptions;
import dev.localgpt.core.config.LocalGptConfig;
import dev.localgpt.core.workspace.LocalGptHome;
import dev.localgpt.core.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * What every command gets: the environment, the output streams, the global options, and (built on first use, so
 * {@code --version} and {@code --help} stay fast) the Guice injector.
 */
public final class CliContext {
  private final Map<String, String> env;
  private final PrintWriter out;
  private final PrintWriter err;
  private Path configFile;
  private Injector injector;

  public CliContext(Map<String, String> env, PrintWriter out, PrintWriter err) {
    this.env = Map.copyOf(env);
    this.out = out;
    this.err = err;
  }

  public Map<String, String> env() {
    return env;
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  void configFile(Path file) {
    this.configFile = file;
  }

  public WiringOptions wiringOptions() {
    return WiringOptions.of(env).withConfigFile(configFile);
  }

  /** The composition root, created on first call. */
  public synchronized Injector injector() {
    if (injector == null) {
      injector = Wiring.injector(wiringOptions());
    }
    return injector;
  }

  /** An instance from the injector, with Guice's wrapping of application exceptions removed. */
  public <T> T get(Class<T> type) {
    return Wiring.get(injector(), type);
  }

  public LocalGptHome home() {
    return get(LocalGptHome.class);
  }

  /** The loaded config; throws a ConfigException listing every problem. */
  public LocalGptConfig config() {
    return get(LocalGptConfig.class);
  }

  public Workspace workspace() {
    return get(Workspace.class);
  }

  /** Prints a value (maps, lists, strings, numbers, booleans) as indented JSON. */
  public void printJson(Object value) {
    try {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }
}
