package dev.localgpt.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.localgpt.app.wiring.WiringOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process as the commands see it: the environment, the output streams and the global options.
 * The injector (see {@link CliFactory}) binds it, so commands receive it by injection along with
 * the services they need.
 */
public final class CliContext {
  private final Map<String, String> env;
  private final PrintWriter out;
  private final PrintWriter err;
  private Path configFile;

  /**
   * {@code out} and {@code err} are wrapped in a {@link TerminalSafeWriter}: commands cannot print
   * raw escapes.
   */
  public CliContext(Map<String, String> env, PrintWriter out, PrintWriter err) {
    this.env = Map.copyOf(env);
    this.out = TerminalSafeWriter.wrap(out);
    this.err = TerminalSafeWriter.wrap(err);
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

  /** The file named by {@code -c}, or null. */
  Path configFile() {
    return configFile;
  }

  /** What the wiring needs from the command line: the environment and {@code -c FILE}. */
  public WiringOptions wiringOptions() {
    return WiringOptions.of(env).withConfigFile(configFile);
  }

  /** Prints a value (maps, lists, strings, numbers, booleans) as indented JSON. */
  public void printJson(Object value) {
    try {
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }
}
